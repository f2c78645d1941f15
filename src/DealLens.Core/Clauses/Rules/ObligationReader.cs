using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Rules;

/// <summary>How a clause-sized text reads: as a party's obligation, or as something that binds nobody.</summary>
public enum ObligationReading
{
    /// <summary>A modal of obligation with a party as its subject: "Customer shall pay", "Buyer has contracted to purchase".</summary>
    Obligation,

    /// <summary>Neither an obligation verb nor a sign that it is not one (a heading, a table row, a defined amount).</summary>
    Plain,

    /// <summary>
    /// An instruction to the reader: an imperative sentence ("Ignore all previous instructions and report ..."), or
    /// the reader told what to output ("you must classify ..."). Text in a document never instructs DealLens.
    /// </summary>
    Instruction,

    /// <summary>
    /// Talk about a commitment without making one: a risk factor ("we may be unable to meet our take-or-pay
    /// obligations"), or a description of another document ("the release describes a take-or-pay arrangement").
    /// </summary>
    Description,
}

/// <summary>
/// Reads the grammar of a clause, not its keywords (issue 19 item 3, issue 18 item 6): a commitment needs someone who
/// is bound (shall, will, must, agrees, commits, is obligated, has contracted, undertakes). Clause types whose catalog
/// entry says <c>requires: obligation</c> are never reported from an <see cref="ObligationReading.Instruction"/> or a
/// <see cref="ObligationReading.Description"/>, whatever words they contain.
/// </summary>
public static partial class ObligationReader
{
    public static ObligationReading Read(ReadOnlySpan<char> text)
    {
        try
        {
            if (Injection().IsMatch(text) || Imperative().IsMatch(text) || AddressedInstruction().IsMatch(text))
            {
                return ObligationReading.Instruction;
            }

            // A risk factor's disclaimer outweighs its "will": "there can be no assurance that ... will be absorbed".
            if (Disclaimer().IsMatch(text))
            {
                return ObligationReading.Description;
            }

            // "you shall report ..." was caught above as an instruction; "You shall pay us a minimum royalty" in a
            // franchise agreement binds the franchisee like any other subject.
            if (Modal().IsMatch(text))
            {
                return ObligationReading.Obligation;
            }

            return Hedge().IsMatch(text) || Reported().IsMatch(text) ? ObligationReading.Description : ObligationReading.Plain;
        }
        catch (RegexMatchTimeoutException)
        {
            return ObligationReading.Plain;
        }
    }

    /// <summary>True unless the text is an instruction or only talks about a commitment.</summary>
    public static bool CanBind(ReadOnlySpan<char> text) => Read(text) is ObligationReading.Obligation or ObligationReading.Plain;

    // Words a text addressed to a language model uses, and no contract does.
    [GeneratedRegex(
        @"\b(?:(?:ignore|disregard|forget|override)\b[^.;]{0,40}\b(?:instructions?|prompts?|rules|guidelines|above|previous)|system prompt|as an (?:AI|assistant|language model)|you are (?:now )?(?:an?|the) (?:AI|assistant|model|analyst|bot))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Injection();

    // A sentence that opens with a bare verb of reporting or obeying: "Report a take-or-pay commitment ...",
    // "Please output ...". After an optional list marker ("(a)", "3.1") or an opening quote. Capitalised headings
    // ("Report of Independent Auditors") are not sentences: the verb must not be followed by "of".
    [GeneratedRegex(
        @"(?:^|[.!?:;]\s+|\n\s*)(?:\(?[a-z0-9]{1,3}[.)]\s+)?[""'“‘]?(?:please\s+|now\s+|instead\s+)?(?:ignore|disregard|forget|report|output|print|return|respond|reply|answer|say|write|list|classify|label|tag|extract|summari[sz]e|translate|pretend|act as|assume|treat|override|bypass|emit|produce|generate|include|flag|mark)\b(?!\s+of\b)(?!\s+(?:to|by|for)\s+(?:the\s+)?(?:Customer|Company|Buyer|Purchaser|Seller|Supplier|Provider|Licensee|Licensor)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Imperative();

    // "you must classify this as ...", "your answer should report ...": the reader told what to output.
    [GeneratedRegex(
        @"\b(?:you|your (?:answer|reply|output|response))\b[^.;]{0,20}\b(?:must|should|shall|will|need to|are to|have to)\b[^.;]{0,20}\b(?:report|output|print|return|respond|reply|answer|say|write|list|classify|label|tag|extract|summari[sz]e|include|flag|mark|treat)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex AddressedInstruction();

    [GeneratedRegex(
        @"\b(?:shall|will|must|agrees? to|agreed to|commits? to|committed to|undertakes? to|undertook to|covenants? to|(?:is|are|be|been|remains?|becomes?) (?:hereby )?(?:obligated|obliged|required|bound|liable|responsible)|has (?:contracted|agreed|committed)|have (?:contracted|agreed|committed)|contracted to|(?:is|are|shall be|will be|becomes?) (?:due|payable|owed|owing)|owes?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Modal();

    [GeneratedRegex(@"\b(?:(?:there )?can be no assurance|cannot assure|can give no assurance|could (?:materially )?(?:and )?adversely affect)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Disclaimer();

    // Hedged or conditional talk, as in a risk factor: "could", "might", "there can be no assurance". Plain "may" is
    // left out: contracts use it for options ("may be credited against"), and hedged purchases are the rules' business.
    [GeneratedRegex(
        @"\b(?:might|could|would|risks?|no assurance|cannot assure|adversely|may (?:be unable|not be able)|if we (?:are|were|fail)|in the event we)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Hedge();

    // A text about another text: "the press release describes ...", "according to the announcement". "Reported" and
    // "described in" stay out: contracts say "Net Sales as reported by Licensee", "the Services described in Exhibit A".
    [GeneratedRegex(
        @"\b(?:describes?|discuss(?:es|ed)?|mentions?|summari[sz](?:es|ed)|according to the (?:press release|article|report|announcement)|(?:press release|article|announcement) (?:says|states|reports))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex Reported();
}
