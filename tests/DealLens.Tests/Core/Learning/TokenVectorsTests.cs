using DealLens.Core;
using DealLens.Core.Clauses.Learning;

namespace DealLens.Tests.Core.Learning;

public sealed class TokenVectorsTests
{
    private static double Cosine(string a, string b)
    {
        var x = TokenVectors.Default.Embed(a);
        var y = TokenVectors.Default.Embed(b);
        return x.Zip(y, (p, q) => (double)p * q).Sum();
    }

    [Fact]
    public void Default_EmbeddedTable_HasVocabularyAndProvenance()
    {
        var vectors = TokenVectors.Default;

        Assert.True(vectors.Count > 25_000);
        Assert.Equal(128, vectors.Dimensions);
        Assert.Contains("all-MiniLM-L6-v2", vectors.Provenance, StringComparison.Ordinal);
        Assert.Contains("Apache-2.0", vectors.Provenance, StringComparison.Ordinal);
        Assert.StartsWith("tokvec:", vectors.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void Pieces_CommonWord_IsOnePiece()
    {
        Assert.Equal(["terminate"], TokenVectors.Default.Pieces("terminate"));
    }

    [Fact]
    public void Pieces_RareWord_IsGreedyWordPieces()
    {
        var pieces = TokenVectors.Default.Pieces("sublicenseable");

        Assert.True(pieces.Count > 1);
        Assert.All(pieces.Skip(1), p => Assert.StartsWith("##", p, StringComparison.Ordinal));
        Assert.Equal("sublicenseable", string.Concat(pieces.Select(p => p.TrimStart('#'))));
    }

    [Fact]
    public void Pieces_AccentedWord_MatchesUnaccented()
    {
        Assert.Equal(TokenVectors.Default.Pieces("cafe"), TokenVectors.Default.Pieces("café"));
    }

    [Theory]
    [InlineData("terminate", "cancel", "royalty")]
    [InlineData("assign", "transfer", "indemnify")]
    [InlineData("renewal", "renew", "liability")]
    [InlineData("Licensee may terminate this Agreement", "Customer may cancel the contract", "Licensee shall pay a royalty")]
    public void Embed_RelatedWording_IsCloserThanUnrelated(string text, string related, string unrelated)
    {
        Assert.True(Cosine(text, related) > Cosine(text, unrelated), $"{Cosine(text, related):F3} vs {Cosine(text, unrelated):F3}");
    }

    [Fact]
    public void Embed_NoKnownWord_IsZero()
    {
        Assert.All(TokenVectors.Default.Embed("the of 123"), x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Load_DamagedTable_ThrowsClearError()
    {
        using var resource = typeof(TokenVectors).Assembly.GetManifestResourceStream("DealLens.Core.token-vectors.bin")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        var bytes = copy.ToArray();
        bytes[1000] ^= 0x55;

        var error = Assert.Throws<DealLensException>(() => TokenVectors.Load(new MemoryStream(bytes)));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue19_ModelWithTokenVectors_ScoresTheSameAfterSaveAndLoad()
    {
        // Arrange
        var options = SyntheticContracts.Options() with
        {
            Features = new ClauseFeatureOptions { HashBits = 14, TokenVectorDims = 32, TokenVectorHeading = true },
        };
        var model = new ClauseModelTrainer(options).Train(SyntheticContracts.Generate(16, seed: 5));
        var (text, _) = SyntheticContracts.Build(new Random(11), hasLaw: true);

        // Act
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = ClauseModel.Load(stream);

        // Assert
        Assert.Equal(32, loaded.Features.TokenVectorDims);
        Assert.True(loaded.Features.TokenVectorHeading);
        Assert.Equal(TokenVectors.Default.Fingerprint, loaded.Info.TokenVectorsFingerprint);
        var before = model.Score(text).Select(s => s.Probabilities[0]).ToArray();
        var after = loaded.Score(text).Select(s => s.Probabilities[0]).ToArray();
        Assert.Equal(before, after);
    }

    [Fact]
    public void Issue19_ModelFromOtherTokenVectors_FailsWithRetrainMessage()
    {
        // Arrange: a saved model whose recorded table fingerprint is not the one DealLens has.
        var options = SyntheticContracts.Options() with { Features = new ClauseFeatureOptions { HashBits = 12, TokenVectorDims = 8 } };
        var model = new ClauseModelTrainer(options with { Epochs = 1 }).Train(SyntheticContracts.Generate(6, seed: 6));
        using var stream = new MemoryStream();
        model.Save(stream);
        var bytes = stream.ToArray();
        var marker = System.Text.Encoding.UTF8.GetBytes(TokenVectors.Default.Fingerprint);
        var at = bytes.AsSpan().IndexOf(marker);
        Assert.True(at > 0);
        bytes[at + marker.Length - 1] = (byte)(bytes[at + marker.Length - 1] == (byte)'0' ? '1' : '0');
        var payload = bytes.AsSpan(10, bytes.Length - 14);
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 4), Fnv1a(payload));

        // Act
        var error = Assert.Throws<DealLensException>(() => ClauseModel.Load(new MemoryStream(bytes)));

        // Assert
        Assert.Contains("retrain it with `deallens train`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pieces_WordWithUnknownCharacter_HasNoPieces()
    {
        // Neither the snowman nor the heart is in the encoder's vocabulary, alone or as a continuation.
        Assert.Empty(TokenVectors.Default.Pieces("contract\u2603\u2764"));
    }

    [Fact]
    public void AddWords_FunctionWordsAndNumbers_AreSkipped()
    {
        var words = DealLens.Core.Text.WordTokenizer.Tokenize("the 2024 assignment of any rights");
        var sum = new float[16];

        var added = TokenVectors.Default.AddWords(words, 0, words.Count, sum, 16);

        Assert.Equal(2, added); // "assignment", "rights"
        var only = TokenVectors.Default.Embed("assignment rights", 16);
        var norm = Math.Sqrt(sum.Sum(x => (double)x * x));
        for (var d = 0; d < 16; d++)
        {
            Assert.Equal(only[d], sum[d] / norm, 5);
        }
    }

    [Fact]
    public void Embed_SameTextTwiceAndCaseOrPunctuation_IsBitIdentical()
    {
        var first = TokenVectors.Default.Embed("Customer may terminate for convenience.");
        var second = TokenVectors.Default.Embed("Customer may terminate for convenience.");
        var shouted = TokenVectors.Default.Embed("CUSTOMER MAY TERMINATE, FOR CONVENIENCE");

        Assert.Equal(first, second);
        Assert.Equal(first, shouted);
        Assert.NotEqual(first, TokenVectors.Default.Embed("Customer may assign for convenience."));
    }

    [Fact]
    public void Issue19_TrainWithTokenVectorsTwice_SameModelBytes()
    {
        // Featurisation runs in parallel and caches word pieces concurrently: neither may change the model.
        var options = SyntheticContracts.Options() with
        {
            Features = new ClauseFeatureOptions { HashBits = 12, TokenVectorDims = 16, TokenVectorHeading = true },
        };

        byte[] TrainBytes()
        {
            var model = new ClauseModelTrainer(options).Train(SyntheticContracts.Generate(12, seed: 9));
            using var stream = new MemoryStream();
            model.Save(stream);
            return stream.ToArray();
        }

        Assert.Equal(TrainBytes(), TrainBytes());
    }

    [Fact]
    public void Issue19_TokenVectorFeatures_ChangeTheScores()
    {
        // The dense block must reach the model: with it, the same data and seed give other probabilities.
        var plain = SyntheticContracts.Options() with { Features = new ClauseFeatureOptions { HashBits = 12 } };
        var dense = plain with { Features = plain.Features with { TokenVectorDims = 16 } };
        var contracts = SyntheticContracts.Generate(12, seed: 10);
        var (text, _) = SyntheticContracts.Build(new Random(12), hasLaw: true);

        var a = new ClauseModelTrainer(plain).Train(contracts).Score(text).Select(s => s.Probabilities[0]).ToArray();
        var b = new ClauseModelTrainer(dense).Train(contracts).Score(text).Select(s => s.Probabilities[0]).ToArray();

        Assert.Equal(a.Length, b.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Issue19_ShippedModel_IsTrainedWithTheShippedFeatureSettings()
    {
        // `deallens train` without representation flags must reproduce the shipped model's featurisation.
        var model = ClauseModel.LoadDefault();

        Assert.Equal(ClauseFeatureOptions.Shipped, model.Features);
        Assert.Equal(TokenVectors.Default.Fingerprint, model.Info.TokenVectorsFingerprint);
    }

    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
