using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DealLens.Core.Output;

/// <summary>
/// The closed sets (severity, review status, review item kind, relation kind) as the words users, JSON and the database
/// see: each member's snake_case name ("high", "no_longer_found", "deal_terms", "sale_leaseback"). Parsing accepts only
/// those words, so a typo is an error rather than a quiet default.
/// </summary>
public static class Vocabulary
{
    /// <summary>The stored and printed word for <paramref name="value"/>; throws for a number that is not a member.</summary>
    public static string Name<T>(T value) where T : struct, Enum
        => Words<T>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {Words<T>.Label}");

    /// <summary>The member named <paramref name="word"/>; a <see cref="DealLensException"/> naming the allowed words otherwise.</summary>
    public static T Parse<T>(string? word) where T : struct, Enum
        => TryParse<T>(word, out var value)
            ? value
            : throw new DealLensException($"unknown {Words<T>.Label} \"{word}\" (expected {string.Join(", ", Words<T>.All)})");

    /// <summary>Exact, case-sensitive match of a word this type writes; numbers and member names in other spellings are refused.</summary>
    public static bool TryParse<T>(string? word, out T value) where T : struct, Enum
    {
        if (word is not null && Words<T>.ByName.TryGetValue(word, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Every word of the set, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum => Words<T>.All;

    private static class Words<T> where T : struct, Enum
    {
        public static readonly IReadOnlyList<string> All = Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())).ToArray();

        public static readonly FrozenDictionary<T, string> ByValue = Enum.GetValues<T>().Zip(All).ToFrozenDictionary(p => p.First, p => p.Second);

        public static readonly FrozenDictionary<string, T> ByName = ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly string Label = JsonNamingPolicy.SnakeCaseLower.ConvertName(typeof(T).Name).Replace('_', ' ');
    }
}

/// <summary>Writes a closed set as its <see cref="Vocabulary"/> word and reads only those words.</summary>
public sealed class VocabularyJsonConverter<T> : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var word = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Vocabulary.TryParse<T>(word, out var value)
            ? value
            : throw new JsonException($"\"{word}\" is not a {typeof(T).Name}: expected one of {string.Join(", ", Vocabulary.Names<T>())}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Vocabulary.Name(value));
    }
}
