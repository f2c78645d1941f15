namespace DealLens.Core.Clauses;

/// <summary>
/// Model replies kept by (passage hash, prompt hash, model), so re-analysing an unchanged document costs no model
/// call. Lives in Core because Storage implements it and Llm uses it, and both reference Core only.
/// </summary>
public interface ILlmReplyCache
{
    Task<string?> GetAsync(string passageHash, string promptHash, string model, CancellationToken cancellationToken);

    Task SetAsync(string passageHash, string promptHash, string model, string reply, CancellationToken cancellationToken);
}
