namespace DealLens.Core.Documents;

/// <summary>What kind of document is speaking: the values of <see cref="DocumentOrigin.Kind"/>.</summary>
public static class DocumentKinds
{
    /// <summary>An agreement itself (often a filing exhibit): a preamble, defined terms, signature blocks.</summary>
    public const string Contract = "contract";

    /// <summary>A current report: Form 8-K or 6-K item text ("Item 1.01 Entry into a Material Definitive Agreement").</summary>
    public const string CurrentReport = "current_report";

    /// <summary>A periodic report (10-K, 10-Q, 20-F) or one of its financial-statement notes or risk factors.</summary>
    public const string PeriodicReport = "periodic_report";

    /// <summary>A registration statement or prospectus (S-1, F-1, S-3, 424B).</summary>
    public const string RegistrationStatement = "registration_statement";

    /// <summary>A company's press release (a wire dateline, "today announced", an "About X" section).</summary>
    public const string PressRelease = "press_release";

    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [Contract, CurrentReport, PeriodicReport, RegistrationStatement, PressRelease, Other];
}
