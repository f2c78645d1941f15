using System.Security.Cryptography;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Deals;
using DealLens.Core.Pipeline;

namespace DealLens.Cli.Analysis;

/// <summary>Builds the analysis pipelines the commands use, in one place.</summary>
public static class Pipelines
{
    /// <summary>The offline default: rules stacked under the trained model, no network, no key.</summary>
    public static DealPipeline CreateEmbedded(string? modelPath = null)
        => new(CreateEmbeddedExtractor(modelPath), new DealTermsExtractor());

    /// <summary>The embedded extractor with the shipped model, or with the model file at <paramref name="modelPath"/>.</summary>
    public static EmbeddedClauseExtractor CreateEmbeddedExtractor(string? modelPath)
        => modelPath is null
            ? EmbeddedClauseExtractor.Default
            : new EmbeddedClauseExtractor(new RuleBasedClauseExtractor(), LoadModel(modelPath));

    public static ClauseModel LoadModel(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return ClauseModel.Load(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{path}: cannot read model file: {ex.Message}", ex);
        }
        catch (DealLensException ex)
        {
            throw new DealLensException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>A short, stable name for a model: "clause-model:" and the first 12 hex digits of its bytes' SHA-256.</summary>
    public static string ModelVersion(ClauseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return "clause-model:" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..12];
    }
}
