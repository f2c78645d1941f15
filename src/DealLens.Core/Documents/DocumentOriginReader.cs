using System.Text.RegularExpressions;
using DealLens.Core.Deals;
using DealLens.Core.Text;

namespace DealLens.Core.Documents;

/// <summary>
/// Reads who is speaking in a document from its layout: the EDGAR header ("CONFORMED SUBMISSION TYPE", "COMPANY
/// CONFORMED NAME"), a cover page ("FORM 8-K", "(Exact name of registrant as specified in its charter)"), 8-K item
/// headings ("Item 1.01"), a press-release dateline ("AUSTIN, Texas--(BUSINESS WIRE)--"), financial-statement note
/// headings ("Subsequent Events [Abstract]", "3 Months Ended") or a contract preamble ("This ... Agreement ... by and
/// between"). The filer is the company the document defines as "the Company" / "the Registrant" / "the Group", the
/// registrant of the cover page, or the issuer of a press release (the listed company that "today announced").
/// </summary>
public static class DocumentOriginReader
{
    private const RegexOptions Options = NumberWords.Options;
    private const RegexOptions IgnoreCase = NumberWords.Options | RegexOptions.IgnoreCase;
    private const string Name = CompanyNamePattern.Name;

    /// <summary>How far into the document the cover page, dateline or preamble may start.</summary>
    public const int HeadWindow = 6_000;

    private static readonly Regex s_edgarType = new(
        @"CONFORMED[ ]SUBMISSION[ ]TYPE:[ \t]*(?<type>[\w/.-]+)", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_edgarName = new(
        @"COMPANY[ ]CONFORMED[ ]NAME:[ \t]*(?<name>[^\r\n]+?)[ \t]*(?:\r?\n|$)", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_exhibitType = new(
        @"<TYPE>[ \t]*(?<type>[\w/.-]+)|^[ \t]*(?<type>EX-\d+(?:\.\d+)?)\b", Options | RegexOptions.Multiline, NumberWords.MatchTimeout);

    private static readonly Regex s_currentCover = new(
        @"\bFORM[ \t]+(?:8-K|6-K)\b|\bCURRENT[ ]REPORT\b|\bReport[ ]of[ ]Foreign[ ]Private[ ]Issuer\b", IgnoreCase, NumberWords.MatchTimeout);

    private static readonly Regex s_periodicCover = new(
        @"\bFORM[ \t]+(?:10-K|10-Q|20-F|40-F)\b|\b(?:ANNUAL|QUARTERLY)[ ]REPORT[ ]PURSUANT[ ]TO[ ]SECTION\b", IgnoreCase, NumberWords.MatchTimeout);

    private static readonly Regex s_registrationCover = new(
        @"\bFORM[ \t]+(?:S-1|S-3|S-4|F-1|F-3|F-4)\b|\bREGISTRATION[ ]STATEMENT[ \t\n]+UNDER[ \t\n]+THE[ \t\n]+SECURITIES[ \t\n]+ACT\b|\bPRELIMINARY[ ]PROSPECTUS\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // "Item 1.01 Entry into a Material Definitive Agreement", "ITEM 8.01. Other Events".
    private static readonly Regex s_currentItem = new(
        @"(?:^|\n)[ \t|]*Item[ \t]+[1-9]\.\d\d\b", IgnoreCase, NumberWords.MatchTimeout);

    // "AUSTIN, Texas--(BUSINESS WIRE)--", "NEW YORK, Nov. 06, 2025 (GLOBE NEWSWIRE) --", "/PRNewswire/ --".
    private static readonly Regex s_wire = new(
        @"\((?:BUSINESS[ ]WIRE|GLOBE[ ]NEWSWIRE|ACCESSWIRE|ACCESS[ ]Newswire|Newsfile[ ]Corp\.?)\)|/PRNewswire(?:-FirstCall)?/|/CNW/",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // A dateline without a wire: "DALLAS – January 14, 2025 —", "MIAMI, FL, December 17, 2025 –"; a joint release
    // names both companies' cities ("SEATTLE and SAN FRANCISCO, Sept. 25, 2023 --").
    private const string DatelinePlace = @"[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,3}(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2}){0,2}";

    private static readonly Regex s_dateline = new(
        @"(?:^|\n)[ \t]*" + DatelinePlace + @"(?:[ ](?:and|&)[ ]" + DatelinePlace + @")?,?[ \t]+(?:–|—|-{1,2})?[ \t]*" +
        DateMentions.Pattern + @"[ \t]*(?:–|—|-{1,2})",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_announced = new(
        @"\b(?:today[ ])?(?:announced|reported|released|unveiled)\b|\bannounce[ds]?[ ]today\b", IgnoreCase, NumberWords.MatchTimeout);

    // XBRL R pages and statement notes: "|3 Months Ended", "Subsequent Events [Abstract]", "NOTE 17 — SUBSEQUENT EVENT".
    private static readonly Regex s_noteLayout = new(
        @"\b(?:3|6|9|12|Three|Six|Nine|Twelve)[ ]Months[ ]Ended\b|\[Abstract\]|(?:^|\n)[ \t|]*NOTE[ \t]+(?:\d+|[A-Z])\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_riskFactors = new(
        @"(?:^|\n)[ \t]*(?:Item[ ]1A\.?[ \t]*)?Risk[ ]Factors\b|(?:^|\n)[ \t]*Risks[ ](?:Relating|Related)[ ]to\b", IgnoreCase, NumberWords.MatchTimeout);

    // "This Lease Agreement ... is made and entered into ... by and between", "THIS AGREEMENT ... among".
    private static readonly Regex s_preamble = new(
        @"\b(?i:this)[ \t\n]+" + NumberWords.SentenceChar + @"{0,300}?\b(?i:agreement|lease|contract|indenture|warrant|note|guarantee|guaranty|amendment)\b" +
        NumberWords.SentenceChar + @"{0,400}?\b(?i:by[ \t\n]+and[ \t\n]+(?:between|among)|between|among|by)\b",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_contractMarks = new(
        @"\bWITNESSETH\b|\bIN[ ]WITNESS[ ]WHEREOF\b|\bNOW,[ ]THEREFORE\b|\bRECITALS\b", Options, NumberWords.MatchTimeout);

    // The cover page names the registrant on the line(s) above this caption.
    private static readonly Regex s_registrantCaption = new(
        @"\(?[ \t]*(?:(?:Exact[ \t\n]+)?name[ \t\n]+of[ \t\n]+(?:the[ \t\n]+)?(?:registrant|issuer|subject[ ]company)(?:[ \t\n]+as[ \t\n]+specified[ \t\n]+in[ \t\n]+(?:its[ \t\n]+)?charter)?" +
        @"|Translation[ \t\n]+of[ \t\n]+registrant['’]s[ \t\n]+name[ \t\n]+into[ \t\n]+English)[ \t]*\)?",
        IgnoreCase,
        NumberWords.MatchTimeout);

    // A defined term for the speaking company: (the "Company"), ("Hut 8" or the "Company"), (“IREN” or “the Company”).
    private static readonly Regex s_selfTerm = new(
        @"\((?<terms>(?:[^()""“”]{0,40}[""“][^""“”()]{1,40}[""”])*?[^()""“”]{0,40}[""“](?:the[ ])?(?<self>Company|Registrant|Group|Corporation|Issuer|Partnership|we|us|our)[""”][^()""“”]{0,40})\)",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_quoted = new(@"[""“](?<term>[^""“”]{1,40})[""”]", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_name = new(Name, Options, NumberWords.MatchTimeout);

    // Between a name and its defined term: ticker parentheses, ", a Delaware corporation", "an exempted company ...".
    private static readonly Regex s_nameToTerm = new(
        @"^[ \t]*\.?(?:[ \t\n]*\([^()]{0,60}\))*(?:[ \t\n]*,?[ \t\n]*(?:an?|the)[ \t\n]+[^()""“”]{0,200}?)?[ \t\n]*,?[ \t\n]*$",
        Options,
        NumberWords.MatchTimeout);

    // "(Nasdaq: CORZ)", "( NASDAQ: CORZ )", "(Nasdaq, TSX: HUT)", "(NYSE: ETR)".
    private static readonly Regex s_ticker = new(
        @"\G[ \t]*\.?[ \t]*\([ \t]*(?:Nasdaq|NASDAQ|NYSE|NYSE[ ]American|TSX|TSXV|LSE|ASX|OTCQX|OTC|Nasdaq[ ]GS|Nasdaq[ ]GM)\b[^()]{0,30}:[ \t]*[A-Z.]{1,6}[ \t]*\)",
        Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_about = new(
        @"(?:^|\n)[ \t]*About[ ]+(?<name>" + Name + @")[ \t]*\r?\n", Options, NumberWords.MatchTimeout);

    // A release's speaker right after its dateline, with no ticker: "/PRNewswire/ -- Helion Energy, a fusion power
    // company ..., today announced". A second company joined by "and" makes it a joint release, which has no one filer.
    private static readonly Regex s_speaker = new(
        @"\G[ \t]*(?:–|—|-{1,2})?[ \t\n]*(?<name>" + Name + @")(?:,[ \t\n]+(?:an?|the)[ \t\n]+(?:(?!,[ \t\n]+and[ \t\n])[^.;:()\n""“”]){1,200}?,)?[ \t\n]+(?:today[ \t\n]+)?(?:announced|unveiled|launched|reported)\b",
        Options,
        NumberWords.MatchTimeout);

    // A running head: the first line of a report page or a newsroom post names the company beside what the page is
    // ("Meta Platforms, Inc. | Quarterly Report on Form 10-Q | September 30, 2025", "IBM — Form 10-Q — Notes ...",
    // "Cohere | Newsroom"), or a line holding only a company's name stands above a report's heading ("LUMEN
    // TECHNOLOGIES, INC." over "NOTES TO CONSOLIDATED FINANCIAL STATEMENTS").
    private static readonly Regex s_headSeparator = new(@"[ \t]+(?:\||—|–|-)[ \t]+|[ \t]*\|[ \t]*", Options, NumberWords.MatchTimeout);

    private static readonly Regex s_reportWords = new(
        @"\bForm[ \t]+(?:10-Q|10-K|20-F|40-F)\b|\b(?:Quarterly|Annual)[ ]Report\b|^[ \t]*Notes[ ]to[ ](?:the[ ])?(?:Condensed[ ])?(?:Consolidated[ ])?(?:Condensed[ ])?Financial[ ]Statements\b|^[ \t]*PART[ ]I\b|^[ \t]*Note[ ]\d+\b",
        IgnoreCase,
        NumberWords.MatchTimeout);

    private static readonly Regex s_newsWords = new(
        @"^[ \t]*(?:Newsroom|News|Press[ ]Releases?|Announcements|Blog|Press)[ \t]*$", IgnoreCase, NumberWords.MatchTimeout);

    private static readonly Regex s_wholeName = new(@"^(?:" + Name + @")$", Options, NumberWords.MatchTimeout);

    private static readonly HashSet<string> s_notNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "On", "In", "As", "The", "This", "Exhibit",
        "Item", "Form", "Press", "Release", "PRESS", "Commission", "Securities", "Exchange", "United", "States", "Washington",
    };

    /// <summary>Reads the kind and filer of <paramref name="document"/>; never throws on odd text (a time-out gives Unknown parts).</summary>
    public static DocumentOrigin Read(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            return ReadCore(document);
        }
        catch (RegexMatchTimeoutException)
        {
            return DocumentOrigin.Unknown;
        }
    }

    private static DocumentOrigin ReadCore(DocumentText document)
    {
        var text = document.Text;
        var head = text[..Math.Min(text.Length, HeadWindow)];
        var evidence = new List<FieldEvidence>();

        var (kind, kindStart, kindEnd) = ReadKind(head);
        var releaseEnd = kind == DocumentKinds.PressRelease ? kindEnd : -1;
        if (kindEnd > kindStart)
        {
            evidence.Add(new FieldEvidence(DocumentOrigin.KindField, document.PageAt(kindStart), kindStart, kindEnd, text[kindStart..kindEnd]));
        }

        var filer = ReadFiler(head, kind) ?? Speaker(head, releaseEnd);
        if (filer is null && RunningHead(head) is { } running)
        {
            filer = running.Filer;
            if (kind == DocumentKinds.Other)
            {
                kind = running.Kind;
                evidence.Add(new FieldEvidence(DocumentOrigin.KindField, document.PageAt(running.Start), running.Start, running.End, text[running.Start..running.End]));
            }
        }
        var selfReferences = new List<string>();
        if (filer is not null)
        {
            evidence.Add(new FieldEvidence(DocumentOrigin.FilerField, document.PageAt(filer.Start), filer.Start, filer.End, text[filer.Start..filer.End]));
            selfReferences.AddRange(filer.Terms);
            if (kind is not DocumentKinds.Contract and not DocumentKinds.Other || filer.Terms.Count > 0)
            {
                // A filing or release speaks as its filer: "we", "our" and "us" are the filer wherever it is named.
                selfReferences.AddRange(["we", "our", "us"]);
            }

            if (filer.FromCover)
            {
                selfReferences.Add("the Registrant");
                if (kind is not DocumentKinds.Contract)
                {
                    // A filing whose cover or EDGAR header names the registrant calls it "the Company" (or, for a foreign
                    // group, "the Group") without defining the term.
                    selfReferences.AddRange(["the Company", "the Group"]);
                }
            }
        }

        var distinct = selfReferences.Where(r => !string.Equals(r, filer?.Name, StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new DocumentOrigin(kind, filer?.Name, distinct, evidence);
    }

    private static (string Kind, int Start, int End) ReadKind(string head)
    {
        if (s_exhibitType.Match(head) is { Success: true } exhibit)
        {
            var type = exhibit.Groups["type"].Value.ToUpperInvariant();
            if (type.StartsWith("EX-10", StringComparison.Ordinal) || type.StartsWith("EX-4", StringComparison.Ordinal))
            {
                return (DocumentKinds.Contract, exhibit.Index, exhibit.Index + exhibit.Length);
            }
        }

        if (s_edgarType.Match(head) is { Success: true } header && FromFormType(header.Groups["type"].Value) is { } headerKind)
        {
            return (headerKind, header.Index, header.Index + header.Length);
        }

        // A release is recognised before a cover page: an 8-K's exhibit 99.1 is the release itself.
        var release = s_wire.Match(head);
        if (!release.Success)
        {
            var dateline = s_dateline.Match(head);
            var sentenceEnd = dateline.Success ? Math.Min(head.Length, dateline.Index + dateline.Length + 600) : 0;
            if (dateline.Success && s_announced.IsMatch(head[dateline.Index..sentenceEnd]))
            {
                release = dateline;
            }
        }

        var cover = FirstOf(head, s_currentCover, s_currentItem, s_periodicCover, s_registrationCover);
        if (release.Success && (cover is null || release.Index < cover.Index || !cover.Value.Contains("FORM", StringComparison.OrdinalIgnoreCase)))
        {
            return (DocumentKinds.PressRelease, release.Index, release.Index + release.Length);
        }

        if (cover is not null)
        {
            var kind = s_periodicCover.IsMatch(cover.Value) ? DocumentKinds.PeriodicReport
                : s_registrationCover.IsMatch(cover.Value) ? DocumentKinds.RegistrationStatement
                : DocumentKinds.CurrentReport;
            var start = cover.Index + (cover.Value.StartsWith('\n') ? 1 : 0);
            return (kind, start, cover.Index + cover.Length);
        }

        if (s_preamble.Match(head[..Math.Min(head.Length, 3_000)]) is { Success: true } preamble)
        {
            return (DocumentKinds.Contract, preamble.Index, preamble.Index + Math.Min(preamble.Length, 200));
        }

        if (s_noteLayout.Match(head) is { Success: true } note)
        {
            var start = note.Index + (note.Value.StartsWith('\n') ? 1 : 0);
            return (DocumentKinds.PeriodicReport, start, note.Index + note.Length);
        }

        if (s_riskFactors.Match(head) is { Success: true } risks)
        {
            var start = risks.Index + (risks.Value.StartsWith('\n') ? 1 : 0);
            return (DocumentKinds.PeriodicReport, start, risks.Index + risks.Length);
        }

        if (s_contractMarks.Match(head) is { Success: true } marks)
        {
            return (DocumentKinds.Contract, marks.Index, marks.Index + marks.Length);
        }

        return (DocumentKinds.Other, 0, 0);
    }

    private static Match? FirstOf(string head, params Regex[] patterns)
    {
        Match? first = null;
        foreach (var pattern in patterns)
        {
            if (pattern.Match(head) is { Success: true } match && (first is null || match.Index < first.Index))
            {
                first = match;
            }
        }

        return first;
    }

    private static string? FromFormType(string type) => type.ToUpperInvariant() switch
    {
        "8-K" or "8-K/A" or "6-K" or "6-K/A" => DocumentKinds.CurrentReport,
        "10-K" or "10-K/A" or "10-Q" or "10-Q/A" or "20-F" or "20-F/A" or "40-F" or "10-KT" => DocumentKinds.PeriodicReport,
        var t when t.StartsWith("S-", StringComparison.Ordinal) || t.StartsWith("F-", StringComparison.Ordinal) || t.StartsWith("424B", StringComparison.Ordinal)
            => DocumentKinds.RegistrationStatement,
        _ => null,
    };

    private sealed record FilerFound(string Name, int Start, int End, IReadOnlyList<string> Terms, bool FromCover);

    private static FilerFound? ReadFiler(string head, string kind)
    {
        if (s_edgarName.Match(head) is { Success: true } header)
        {
            var group = header.Groups["name"];
            return new FilerFound(group.Value.Trim(), group.Index, group.Index + group.Value.TrimEnd().Length, SelfTermsFor(head, group.Value.Trim()), FromCover: true);
        }

        if (s_registrantCaption.Match(head) is { Success: true } caption && CoverName(head, caption.Index) is { } cover)
        {
            return cover with { Terms = SelfTermsFor(head, cover.Name) };
        }

        // The company the text defines as "the Company" (in a contract only when the document is a filing about it).
        foreach (Match term in s_selfTerm.Matches(head))
        {
            if (kind == DocumentKinds.Contract)
            {
                break;
            }

            if (NameBefore(head, term.Index) is { } named)
            {
                var terms = s_quoted.Matches(term.Groups["terms"].Value).Select(q => q.Groups["term"].Value.Trim()).ToList();
                return new FilerFound(named.Name, named.Start, named.End, terms, FromCover: false);
            }
        }

        if (kind is DocumentKinds.PressRelease or DocumentKinds.CurrentReport or DocumentKinds.Other)
        {
            // The listed company that speaks: "Core Scientific, Inc. (NASDAQ: CORZ), a leader in ..., today announced".
            foreach (Match name in s_name.Matches(head))
            {
                var ticker = s_ticker.Match(head, name.Index + name.Length);
                if (!IsName(name.Value) || !ticker.Success)
                {
                    continue;
                }

                // The verb follows on the same line, after the ticker and a description ("a leader in ..."): a listed
                // partner named in a subtitle line above the dateline is not the issuer.
                var lineEnd = head.IndexOf('\n', ticker.Index + ticker.Length);
                var reach = Math.Min(lineEnd < 0 ? head.Length : lineEnd, name.Index + 500);
                if (s_announced.IsMatch(head[name.Index..reach]))
                {
                    var cleaned = TrimName(name.Value);
                    return new FilerFound(cleaned, name.Index, name.Index + cleaned.Length, [], FromCover: false);
                }
            }
        }

        return null;
    }

    /// <summary>The one company that speaks right after a release's dateline, when no ticker marks it.</summary>
    private static FilerFound? Speaker(string head, int datelineEnd)
    {
        if (datelineEnd <= 0 || datelineEnd >= head.Length || s_speaker.Match(head, datelineEnd) is not { Success: true } speaker)
        {
            return null;
        }

        var name = speaker.Groups["name"];
        if (!IsName(name.Value) || name.Value.Contains(" and ", StringComparison.Ordinal) || name.Value.Contains('\n'))
        {
            return null;
        }

        var cleaned = TrimName(name.Value);
        return new FilerFound(cleaned, name.Index, name.Index + cleaned.Length, [], FromCover: false);
    }

    private sealed record RunningHeadFound(FilerFound Filer, string Kind, int Start, int End);

    /// <summary>The company a report page's or newsroom post's running head names (see <see cref="s_headSeparator"/>).</summary>
    private static RunningHeadFound? RunningHead(string head)
    {
        var lines = head.Split('\n');
        var offset = 0;
        var firstIndex = -1;
        for (var i = 0; i < lines.Length && i < 6; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                firstIndex = i;
                break;
            }

            offset += lines[i].Length + 1;
        }

        if (firstIndex < 0)
        {
            return null;
        }

        var line = lines[firstIndex].TrimEnd('\r');
        var segments = s_headSeparator.Split(line.Trim()).Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        string? kind = null;
        if (segments.Count >= 2)
        {
            var rest = segments.Skip(1).ToList();
            kind = rest.Any(x => s_reportWords.IsMatch(x)) ? DocumentKinds.PeriodicReport
                : rest.Any(x => s_newsWords.IsMatch(x)) ? DocumentKinds.PressRelease
                : null;
        }
        else if (segments.Count == 1 && PartyReader.EndsWithLegalForm(segments[0]))
        {
            var next = lines.Skip(firstIndex + 1).Take(3).FirstOrDefault(l => l.Trim().Length > 0);
            kind = next is not null && s_reportWords.IsMatch(next.Trim()) ? DocumentKinds.PeriodicReport : null;
        }

        if (kind is null || segments.Count == 0 || !s_wholeName.IsMatch(segments[0]) || !IsName(segments[0]))
        {
            return null;
        }

        var cleaned = TrimName(segments[0]);
        var start = offset + line.IndexOf(segments[0], StringComparison.Ordinal);
        var filer = new FilerFound(cleaned, start, start + cleaned.Length, [], FromCover: kind == DocumentKinds.PeriodicReport);
        return new RunningHeadFound(filer, kind, offset, offset + line.Length);
    }

    /// <summary>The registrant's name: the non-empty line(s) just above the "(Exact name of registrant ...)" caption.</summary>
    private static FilerFound? CoverName(string head, int captionStart)
    {
        var end = captionStart;
        while (end > 0 && char.IsWhiteSpace(head[end - 1]))
        {
            end--;
        }

        var lineStart = head.LastIndexOf('\n', Math.Max(0, end - 1)) + 1;
        var line = head[lineStart..end].Trim().Trim('|').Trim();
        if (line.Length is < 2 or > 120)
        {
            return null;
        }

        var start = head.IndexOf(line, lineStart, StringComparison.Ordinal);
        return new FilerFound(line, start, start + line.Length, [], FromCover: true);
    }

    /// <summary>The defined terms the text gives <paramref name="name"/>: 'Acme Corp. ("Acme" or the "Company")'.</summary>
    private static List<string> SelfTermsFor(string head, string name)
    {
        foreach (Match term in s_selfTerm.Matches(head))
        {
            if (NameBefore(head, term.Index) is { } named && CompanyNamesEqual(named.Name, name))
            {
                return s_quoted.Matches(term.Groups["terms"].Value).Select(q => q.Groups["term"].Value.Trim()).ToList();
            }
        }

        return [];
    }

    private static bool CompanyNamesEqual(string a, string b)
        => string.Equals(Fold(a), Fold(b), StringComparison.OrdinalIgnoreCase);

    private static string Fold(string name) => new(name.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>
    /// The name a defined term at <paramref name="termStart"/> belongs to: the first name in the same sentence that only
    /// ticker parentheses or a description (", a Delaware corporation") separate from the term.
    /// </summary>
    internal static (string Name, int Start, int End)? NameBefore(string text, int termStart)
    {
        var windowStart = Math.Max(0, termStart - 300);
        var paragraph = text.LastIndexOf("\n\n", termStart, termStart - windowStart, StringComparison.Ordinal);
        if (paragraph >= 0)
        {
            windowStart = paragraph + 2;
        }

        foreach (Match name in s_name.Matches(text[windowStart..termStart]))
        {
            if (!IsName(name.Value))
            {
                continue;
            }

            var start = windowStart + name.Index;
            var end = start + name.Length;
            if (s_nameToTerm.IsMatch(text.AsSpan(end, termStart - end)))
            {
                start = CompanyNamePattern.SkipYearOfDate(text, start, end);
                var cleaned = TrimName(text[start..end]);
                return (cleaned, start, start + cleaned.Length);
            }
        }

        return null;
    }

    private static bool IsName(string candidate)
    {
        var first = candidate.Split([' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries)[0].TrimEnd('.');
        return !s_notNames.Contains(first) && candidate.Any(char.IsLetter);
    }

    private static string TrimName(string name)
    {
        var trimmed = name.TrimEnd(',', ' ', '\t', '\n');
        if (trimmed.EndsWith('.') && !CompanyNamePattern.EndsWithAbbreviation(trimmed))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed;
    }
}
