using DealLens.Core.Clauses;

namespace DealLens.Core.Review;

/// <summary>
/// Checks a reviewer's corrections against what the item can carry, before anything is stored, with the same bounds
/// extracted values have: an amount is positive and at most <see cref="MaxAmount"/>, a currency is an active ISO 4217
/// code, a term is 1 to <see cref="MaxTermMonths"/> months, and parties are companies the database already knows.
/// </summary>
public static class ReviewEdits
{
    public const int MaxTermMonths = 1200;

    /// <summary>
    /// $10 trillion: above any AI-infrastructure deal ever announced (the largest are in the hundreds of billions), and
    /// small enough that sums over thousands of documents stay far inside <see cref="decimal"/>.
    /// </summary>
    public const decimal MaxAmount = 10_000_000_000_000m;

    /// <summary>Active ISO 4217 currency codes (funds and precious metals left out: no deal is priced in them).</summary>
    public static IReadOnlySet<string> Currencies { get; } = new HashSet<string>(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF
        CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG
        HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA
        MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
        RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
        USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static bool IsValidAmount(decimal amount) => amount > 0 && amount <= MaxAmount;

    public static bool IsValidCurrency(string currency) => Currencies.Contains(currency);

    /// <summary>Every problem with <paramref name="edit"/> for an item of <paramref name="kind"/>; empty when it can be applied.</summary>
    public static IReadOnlyList<string> Problems(ReviewItemKind kind, ReviewOverrides edit) => Problems(kind, edit, isKnownCompany: null);

    /// <param name="kind">The item's kind (clause, deal terms, cycle).</param>
    /// <param name="edit">The corrections.</param>
    /// <param name="isKnownCompany">Whether a name is a company of a stored deal or the alias table; null skips the check.</param>
    public static IReadOnlyList<string> Problems(ReviewItemKind kind, ReviewOverrides edit, Func<string, bool>? isKnownCompany)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var problems = new List<string>();
        if (!edit.HasAny)
        {
            problems.Add("nothing to edit: give --type or a field (--amount, --currency, --term-months, --parties, --binding)");
        }

        if (kind == ReviewItemKind.Cycle && edit.HasAny)
        {
            problems.Add("a circular-financing cycle has no fields to edit: accept or reject it, or edit the clauses it rests on");
            return problems;
        }

        if (edit.Type is not null)
        {
            if (kind != ReviewItemKind.Clause)
            {
                problems.Add("--type applies to clauses only");
            }
            else if (!ClauseTypes.IsKnown(edit.Type))
            {
                problems.Add($"unknown clause type '{edit.Type}' (one of: {string.Join(", ", ClauseTypes.All)})");
            }
        }

        if (kind == ReviewItemKind.Clause && edit.Parties is not null)
        {
            problems.Add("--parties applies to deal terms only (item deal:<document>)");
        }

        if (kind == ReviewItemKind.Clause && edit.Binding is not null)
        {
            problems.Add("--binding applies to deal terms only (item deal:<document>)");
        }

        if (edit.Amount is { } amount && !IsValidAmount(amount))
        {
            problems.Add($"--amount must be more than 0 and at most 10000000000000 (10 trillion) whole currency units, the bounds extracted amounts have");
        }

        if (edit.Currency is { } currency && !IsValidCurrency(currency))
        {
            problems.Add($"--currency must be an ISO 4217 currency code (USD, EUR, GBP, JPY, ...), not '{currency}'");
        }

        if (edit.TermMonths is { } months && (months < 1 || months > MaxTermMonths))
        {
            problems.Add($"--term-months must be between 1 and {MaxTermMonths}");
        }

        if (edit.Parties is { } parties)
        {
            if (parties.Count == 0 || parties.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add("--parties needs at least one non-empty name");
            }
            else if (isKnownCompany is not null && parties.Where(p => !isKnownCompany(p)).ToList() is { Count: > 0 } unknown)
            {
                problems.Add($"--parties: {string.Join(", ", unknown.Select(p => $"'{p}'"))} is not a company of any stored deal or of the alias table "
                    + "(see `deallens companies list`; `deallens companies merge` records another spelling of a known company)");
            }
        }

        return problems;
    }

    /// <summary>
    /// The corrections with any value outside the bounds left out: what a database written by an older version (which
    /// did not check) may hold. Scores then use the extracted value instead of failing on an impossible one.
    /// </summary>
    public static ReviewOverrides WithinBounds(ReviewOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var amountOk = overrides.Amount is not { } amount || IsValidAmount(amount);
        var currencyOk = overrides.Currency is not { } currency || IsValidCurrency(currency);
        var monthsOk = overrides.TermMonths is not { } months || (months >= 1 && months <= MaxTermMonths);
        return amountOk && currencyOk && monthsOk
            ? overrides
            : overrides with
            {
                Amount = amountOk ? overrides.Amount : null,
                Currency = currencyOk ? overrides.Currency : null,
                TermMonths = monthsOk ? overrides.TermMonths : null,
            };
    }
}
