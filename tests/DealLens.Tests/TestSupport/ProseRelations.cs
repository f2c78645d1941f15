using DealLens.Core.Risk;

namespace DealLens.Tests.TestSupport;

/// <summary>Reads prose with the bundled alias table, and asks whether a relation between two spellings was read.</summary>
internal static class ProseRelations
{
    public static IReadOnlyList<ProseRelation> Read(string text, string? filer = null)
        => RelationReader.Read(text, filer, CompanyResolver.Bundled).Relations;

    public static bool Has(IReadOnlyList<ProseRelation> relations, RelationKind kind, string from, string to)
        => relations.Any(r => r.Kind == kind
            && CompanyResolver.Bundled.Resolve(r.From) == CompanyResolver.Bundled.Resolve(from)
            && CompanyResolver.Bundled.Resolve(r.To) == CompanyResolver.Bundled.Resolve(to));
}
