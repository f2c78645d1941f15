using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DealLens.Core;
using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace DealLens.Llm;

/// <summary>One prompt of <c>prompts/*.yaml</c>: its SK template config and the hash of its YAML text.</summary>
public sealed record PromptDefinition(string FileName, PromptTemplateConfig Config, string Hash)
{
    public string Name => Config.Name ?? Path.GetFileNameWithoutExtension(FileName);

    /// <summary>Name and short hash, as recorded with every extraction ("clause_extraction@1a2b3c4d5e6f").</summary>
    public string Version => $"{Name}@{Hash[..12]}";
}

/// <summary>
/// Loads the prompts embedded from <c>prompts/*.yaml</c> (SK prompt-template YAML). Microsoft.SemanticKernel.Yaml is
/// not on our package mirror, so the YAML is read with YamlDotNet into SK's <see cref="PromptTemplateConfig"/>.
/// </summary>
public static class PromptLibrary
{
    public const string ClauseExtraction = "clause-extraction.yaml";
    public const string DealTerms = "deal-terms.yaml";

    private const string ResourcePrefix = "DealLens.Llm.prompts.";

    private static readonly IDeserializer s_yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The file names of the embedded prompts ("clause-extraction.yaml", ...).</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(PromptLibrary).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static PromptDefinition Load(string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new DealLensException($"prompt '{fileName}' is not embedded in DealLens.Llm");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(fileName, reader.ReadToEnd());
    }

    /// <summary>Parses SK prompt-template YAML. Unknown keys and a missing template are errors, not silently ignored.</summary>
    public static PromptDefinition Parse(string fileName, string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        PromptYaml? parsed;
        try
        {
            parsed = s_yaml.Deserialize<PromptYaml>(yaml);
        }
        catch (YamlException ex)
        {
            throw new DealLensException($"prompt '{fileName}': invalid YAML: {ex.Message}", ex);
        }

        if (parsed is null || string.IsNullOrWhiteSpace(parsed.Template))
        {
            throw new DealLensException($"prompt '{fileName}': no template");
        }

        var config = new PromptTemplateConfig
        {
            Name = parsed.Name,
            Description = parsed.Description,
            Template = parsed.Template,
            TemplateFormat = parsed.TemplateFormat ?? PromptTemplateConfig.SemanticKernelTemplateFormat,
        };
        foreach (var variable in parsed.InputVariables ?? [])
        {
            config.InputVariables.Add(new InputVariable
            {
                Name = variable.Name ?? throw new DealLensException($"prompt '{fileName}': an input variable has no name"),
                Description = variable.Description,
                IsRequired = variable.IsRequired ?? true,
                Default = variable.Default,
            });
        }

        foreach (var (serviceId, values) in parsed.ExecutionSettings ?? [])
        {
            var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object>() };
            foreach (var (key, value) in values ?? [])
            {
                if (key == "model_id")
                {
                    settings.ModelId = value;
                }
                else
                {
                    settings.ExtensionData[key] = Scalar(value);
                }
            }

            config.AddExecutionSettings(settings, serviceId);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        return new PromptDefinition(fileName, config, hash);
    }

    // YAML scalars arrive as strings; SK's settings expect JSON numbers and booleans.
    private static object Scalar(string? value) =>
        value is null ? "" :
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l :
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d :
        bool.TryParse(value, out var b) ? b :
        value;

    private sealed class PromptYaml
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public string? Template { get; set; }

        public string? TemplateFormat { get; set; }

        public List<InputVariableYaml>? InputVariables { get; set; }

        public Dictionary<string, Dictionary<string, string?>?>? ExecutionSettings { get; set; }
    }

    private sealed class InputVariableYaml
    {
        public string? Name { get; set; }

        public string? Description { get; set; }

        public bool? IsRequired { get; set; }

        public string? Default { get; set; }
    }
}
