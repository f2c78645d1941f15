using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>One chip generation named in a text, by its canonical name, at <c>input[Start..End]</c>.</summary>
public sealed record ChipMention(string Name, int Start, int End);

/// <summary>
/// Recognises AI accelerator generations (NVIDIA, AMD, Google TPU, AWS) and gives each its canonical name:
/// "GB200", "MI300X", "TPU v5p", "Trainium2". A model number only matches as a whole token, so "H1000" and
/// "AB200C" are not chips; a plural ("H100s") is.
/// </summary>
public static class ChipCatalog
{
    // Model numbers are matched case-insensitively ("h100"); architecture names are proper nouns and must be
    // capitalised, so "hopper" or a lower-case "blackwell" in prose is not read as a chip. Bare "Rubin" is a
    // common surname, so it needs NVIDIA before it or a product word after it.
    private static readonly Regex s_chip = new(
        @"(?<![A-Za-z0-9])(?:" +
        @"(?<nv>(?i:GB300|GB200|GH200|H200|H100|H800|H20|A100|A800|B300|B200|B100))" +
        @"|(?<gh>Grace[ ]Hopper)" +
        @"|(?<bwu>Blackwell[ ]Ultra)" +
        @"|(?<bw>Blackwell)" +
        @"|(?<hop>Hopper)" +
        @"|(?<rubu>Rubin[ ]Ultra)" +
        @"|(?<rub>Vera[ ]Rubin|(?<=NVIDIA[ ])Rubin|Rubin(?=[ ](?:GPUs?|CPX|platform|architecture|chips?|systems?|NVL|generation|accelerators?|[Ss]uperchips?)))" +
        @"|(?<amd>(?i:MI[- ]?(?:250X?|300[XA]?|325X|350X?|355X|400X?|450X?)))" +
        @"|(?i:(?:Cloud[ ])?TPU[ -]?v?(?<tpu>4|5e|5p|6e|7))" +
        @"|(?<tril>Trillium)" +
        @"|(?<iron>Ironwood)" +
        @"|Trainium[ ]?(?<trn>[23])?(?<trnx>)|(?i:Trn(?<trn>[123]))(?<trnx>)" +
        @"|Inferentia[ ]?(?<inf>2)?(?<infx>)|(?i:Inf(?<inf>[12]))(?<infx>)" +
        @")(?:s|'s|’s)?(?![A-Za-z0-9])",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    /// <summary>The distinct chip generations named in <paramref name="text"/>, in first-seen order.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindMentions(text).Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every chip mention in <paramref name="text"/>, in order, with spans into it.</summary>
    public static IReadOnlyList<ChipMention> FindMentions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var mentions = new List<ChipMention>();
        foreach (Match match in s_chip.Matches(text))
        {
            mentions.Add(new ChipMention(Canonical(match), match.Index, match.Index + match.Length));
        }

        return mentions;
    }

    private static string Canonical(Match match)
    {
        var g = match.Groups;
        if (g["nv"].Success)
        {
            return g["nv"].Value.ToUpperInvariant();
        }

        if (g["amd"].Success)
        {
            return g["amd"].Value.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        }

        if (g["tpu"].Success)
        {
            return "TPU v" + g["tpu"].Value.ToLowerInvariant();
        }

        if (g["trnx"].Success)
        {
            // Trn1 instances run first-generation Trainium.
            return g["trn"].Success && g["trn"].Value != "1" ? "Trainium" + g["trn"].Value : "Trainium";
        }

        if (g["infx"].Success)
        {
            return g["inf"].Success && g["inf"].Value != "1" ? "Inferentia" + g["inf"].Value : "Inferentia";
        }

        return g["gh"].Success ? "GH200"
            : g["bwu"].Success ? "Blackwell Ultra"
            : g["bw"].Success ? "Blackwell"
            : g["hop"].Success ? "Hopper"
            : g["rubu"].Success ? "Rubin Ultra"
            : g["rub"].Success ? "Rubin"
            // Google markets the sixth and seventh TPU generations by name; the catalogue keeps one name per generation.
            : g["tril"].Success ? "TPU v6e"
            : g["iron"].Success ? "TPU v7"
            : match.Value;
    }
}
