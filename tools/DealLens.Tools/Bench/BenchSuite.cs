using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using DealLens.Cli;
using DealLens.Cli.Analysis;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Extraction;
using DealLens.Storage;

namespace DealLens.Tools.Bench;

/// <summary>What <c>deallens-tools bench</c> measures, and where.</summary>
public sealed record BenchOptions
{
    public required string DocsFolder { get; init; }

    public required string WorkFolder { get; init; }

    /// <summary>The shipped <c>deallens</c> whose cold start is measured (e.g. a ReadyToRun publish).</summary>
    public required string Executable { get; init; }

    /// <summary><c>deallens-tools</c>, whose <c>measure</c> runs a deallens command in a fresh process for peak memory.</summary>
    public string ToolsExecutable { get; init; } = ChildProcess.ToolsExecutable();

    public int Runs { get; init; } = 3;

    /// <summary>At most this many documents from <see cref="DocsFolder"/> (0: all).</summary>
    public int Limit { get; init; }

    /// <summary>Clauses stored for the SQLite figures.</summary>
    public int Clauses { get; init; } = 100_000;

    /// <summary>Pages of the generated filing for the peak-memory figure.</summary>
    public int FilingPages { get; init; } = 200;

    /// <summary>Sizes of the generated PDFs of the time-against-size fit.</summary>
    public IReadOnlyList<int> ScalingPages { get; init; } = [10, 25, 50, 100, 200, 400];

    /// <summary>Pages of each generated EDGAR-style HTML filing, and how many of them.</summary>
    public int HtmlPages { get; init; } = 40;

    public int HtmlDocuments { get; init; } = 5;

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public string PdfToText { get; init; } = "pdftotext";
}

/// <summary>One figure of the table: its median value, the target it is held to (if any) and whether it meets it.</summary>
public sealed record BenchFigure(string Key, string Label, double? Value, string Unit, string? Target, bool? Pass, string? Note = null);

/// <summary>Time against size: per-document (pages, seconds) points and the fits over them.</summary>
public sealed record ScalingSeries(string Name, IReadOnlyList<(double Pages, double Seconds)> Points, LinearFit Linear, QuadraticFit Quadratic)
{
    /// <summary>
    /// Growth counts as linear when the best parabola bends down (C &lt;= 0: no worse than linear) or its x² term adds
    /// under 10 % of the time at the largest size.
    /// </summary>
    public const double MaxQuadraticShare = 0.10;

    public double MaxPages => Points.Count == 0 ? 0 : Points.Max(p => p.Pages);

    public double QuadraticShare => Quadratic.QuadraticShareAt(MaxPages);

    public bool IsLinear => double.IsNaN(QuadraticShare) || Quadratic.C <= 0 || QuadraticShare < MaxQuadraticShare;
}

public sealed record BenchReport(IReadOnlyList<BenchFigure> Figures, IReadOnlyList<ScalingSeries> Scaling, IReadOnlyList<string> Notes);

/// <summary>
/// The figures of issue #8, each the median over <see cref="BenchOptions.Runs"/> runs: extraction speed (against
/// pdftotext on the same files), analyze throughput, peak memory, time against size, SQLite insert and review-queue
/// latency, and cold start. Timings use <see cref="Stopwatch"/>: they measure elapsed time, never the time of day.
/// </summary>
public sealed class BenchSuite(BenchOptions options, TextWriter progress)
{
    private readonly List<BenchFigure> _figures = [];
    private readonly List<ScalingSeries> _scaling = [];
    private readonly List<string> _notes = [];

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var documents = Documents();
        await WarmUpAsync(documents, cancellationToken);
        await ExtractionAsync(documents, cancellationToken);
        await AnalyzeThroughputAsync(documents, cancellationToken);
        await PeakMemoryAsync(documents, cancellationToken);
        await ScalingAsync(documents, cancellationToken);
        await SqliteAsync(cancellationToken);
        await ColdStartAsync(cancellationToken);
        return new BenchReport(_figures, _scaling, _notes);
    }

    // The first extraction and analysis in a process pay for JIT compilation and for loading the clause model; run
    // them once, untimed, so that the first figure does not carry what the others do not.
    private static async Task WarmUpAsync(List<string> documents, CancellationToken cancellationToken)
    {
        var pipeline = Pipelines.CreateEmbedded();
        await TimeOneAsync(pipeline, "warm-up.pdf", SyntheticDocuments.Pdf(3), cancellationToken);
        await TimeOneAsync(pipeline, "warm-up.htm", Encoding.UTF8.GetBytes(SyntheticDocuments.Html(3)), cancellationToken);
        foreach (var file in documents.Take(2))
        {
            await TimeOneAsync(pipeline, file, await File.ReadAllBytesAsync(file, cancellationToken), cancellationToken);
        }
    }

    private List<string> Documents()
    {
        var files = Directory.EnumerateFiles(options.DocsFolder, "*", SearchOption.AllDirectories)
            .Where(f => TextExtractors.SupportedExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return options.Limit > 0 ? files.Take(options.Limit).ToList() : files;
    }

    private async Task ExtractionAsync(List<string> documents, CancellationToken cancellationToken)
    {
        var pdfs = documents.Where(f => f.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToList();
        await Progress($"extraction: {pdfs.Count} PDFs x {options.Runs} runs");
        var classified = new List<(string Path, bool OutputIntents)>();
        foreach (var pdf in pdfs)
        {
            classified.Add((pdf, HasOutputIntents(await File.ReadAllBytesAsync(pdf, cancellationToken))));
        }

        var pdftotext = await PdfToTextAvailableAsync(cancellationToken);
        if (!pdftotext)
        {
            _notes.Add($"'{options.PdfToText}' was not found: the ratios to pdftotext are not measured (install poppler-utils, e.g. apt-get install poppler-utils).");
        }

        foreach (var (label, key, group) in new[]
        {
            ("PDFs without /OutputIntents", "no_output_intents", classified.Where(c => !c.OutputIntents).Select(c => c.Path).ToList()),
            ("PDFs with /OutputIntents", "output_intents", classified.Where(c => c.OutputIntents).Select(c => c.Path).ToList()),
        })
        {
            if (group.Count == 0)
            {
                _figures.Add(new BenchFigure($"pdf_{key}_pages_per_second", $"PDF extraction, {label} (none)", null, "pages/s", null, null));
                continue;
            }

            var ours = new List<double>();
            var theirs = new List<double>();
            var ratios = new List<double>();
            var pages = 0;
            for (var run = 0; run < options.Runs; run++)
            {
                var (ourPages, ourSeconds) = TimeOurExtraction(group, cancellationToken);
                pages = ourPages;
                ours.Add(ourPages / ourSeconds);
                if (pdftotext)
                {
                    var popplerSeconds = await TimePdfToTextAsync(group, cancellationToken);
                    theirs.Add(ourPages / popplerSeconds);
                    ratios.Add(ourSeconds > 0 ? popplerSeconds / ourSeconds : double.NaN);
                }
            }

            _figures.Add(new BenchFigure($"pdf_{key}_pages_per_second", $"PDF extraction, {label} ({group.Count} files, {pages} pages)", Median(ours), "pages/s", null, null));
            if (pdftotext)
            {
                _figures.Add(new BenchFigure($"pdftotext_{key}_pages_per_second", $"  pdftotext, same files", Median(theirs), "pages/s", null, null));
                var ratio = Median(ratios);
                _figures.Add(new BenchFigure($"pdf_{key}_ratio", "  ratio DealLens / pdftotext", ratio, "x", ">= 1.0x", ratio >= 1.0));
            }
        }

        // HTML: the documents' own HTML files, if any, and generated EDGAR-style filings.
        var htmlFiles = documents.Where(f => f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html", StringComparison.OrdinalIgnoreCase)).ToList();
        var html = htmlFiles.Select(f => (Name: f, Bytes: File.ReadAllBytes(f))).ToList();
        for (var i = 0; i < options.HtmlDocuments; i++)
        {
            html.Add(($"generated-{i}.htm", Encoding.UTF8.GetBytes(SyntheticDocuments.Html(options.HtmlPages))));
        }

        var extractor = new HtmlTextExtractor();
        var htmlRates = new List<double>();
        var htmlPages = 0;
        for (var run = 0; run < options.Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            htmlPages = 0;
            foreach (var (name, bytes) in html)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    using var stream = new MemoryStream(bytes, writable: false);
                    htmlPages += extractor.Extract(stream, name).Pages.Count;
                }
                catch (Core.DealLensException)
                {
                    // An unreadable sample counts no pages; its time still counts.
                }
            }

            htmlRates.Add(htmlPages / clock.Elapsed.TotalSeconds);
        }

        _figures.Add(new BenchFigure("html_pages_per_second",
            $"HTML extraction ({htmlFiles.Count} files + {options.HtmlDocuments} generated, {htmlPages} pages)", Median(htmlRates), "pages/s", null, null));
    }

    private static (int Pages, double Seconds) TimeOurExtraction(List<string> files, CancellationToken cancellationToken)
    {
        var extractor = new PdfTextExtractor();
        var pages = 0;
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // Read from the file inside the timing, as pdftotext does.
                using var stream = File.OpenRead(file);
                pages += extractor.Extract(stream, file).Pages.Count;
            }
            catch (Core.DealLensException)
            {
                // Scans without text and broken files: their time counts (for pdftotext too), their pages do not.
            }
        }

        return (pages, clock.Elapsed.TotalSeconds);
    }

    private async Task<double> TimePdfToTextAsync(List<string> files, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            using var process = Process.Start(new ProcessStartInfo(options.PdfToText)
            {
                ArgumentList = { "-q", "-enc", "UTF-8", file, "-" },
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            await process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private async Task<bool> PdfToTextAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(options.PdfToText)
            {
                ArgumentList = { "-v" },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            await process.WaitForExitAsync(cancellationToken);
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the file names /OutputIntents (colour profiles, which poppler spends its time on). The catalog is
    /// either in the file's bytes or inside a compressed object stream (/ObjStm), so those streams are inflated and
    /// searched too. This only sorts the benchmark's inputs into two groups; the figures go through the extractor.
    /// </summary>
    internal static bool HasOutputIntents(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ReadOnlySpan<byte> name = "/OutputIntents"u8;
        if (bytes.AsSpan().IndexOf(name) >= 0)
        {
            return true;
        }

        for (var at = bytes.AsSpan().IndexOf("/ObjStm"u8); at >= 0;)
        {
            var rest = bytes.AsSpan(at);
            var open = rest.IndexOf("stream"u8);
            if (open < 0)
            {
                return false;
            }

            var start = at + open + "stream".Length;
            start += start < bytes.Length && bytes[start] == '\r' ? 1 : 0;
            start += start < bytes.Length && bytes[start] == '\n' ? 1 : 0;
            var end = bytes.AsSpan(start).IndexOf("endstream"u8);
            if (end < 0)
            {
                return false;
            }

            if (Inflate(bytes.AsSpan(start, end).ToArray()).AsSpan().IndexOf(name) >= 0)
            {
                return true;
            }

            var next = bytes.AsSpan(start + end).IndexOf("/ObjStm"u8);
            at = next < 0 ? -1 : start + end + next;
        }

        return false;
    }

    // At most 16 MB of one object stream: enough for any catalog, and a broken stream costs nothing.
    private static byte[] Inflate(byte[] compressed)
    {
        const int Limit = 16 << 20;
        using var output = new MemoryStream();
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            var buffer = new byte[81920];
            int read;
            while (output.Length < Limit && (read = zlib.Read(buffer)) > 0)
            {
                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            // Not zlib (another filter, or damaged): what was inflated so far is searched.
        }

        return output.ToArray();
    }

    private async Task AnalyzeThroughputAsync(List<string> documents, CancellationToken cancellationToken)
    {
        var inputs = documents.Select(f => new InputFile(f, Path.GetFullPath(f))).ToList();
        foreach (var parallelism in new[] { 1, options.Parallelism }.Distinct())
        {
            await Progress($"analyze: {inputs.Count} documents, {parallelism} at once x {options.Runs} runs");
            var rates = new List<double>();
            var analyzed = 0;
            var failed = 0;
            for (var run = 0; run < options.Runs; run++)
            {
                var database = Path.Combine(options.WorkFolder, $"analyze-{parallelism}-{run}.db");
                var clock = Stopwatch.StartNew();
                (analyzed, failed) = await AnalyzeIntoAsync(database, inputs, parallelism, cancellationToken);
                rates.Add(inputs.Count / clock.Elapsed.TotalMinutes);
                DeleteDatabase(database);
            }

            var parallel = parallelism > 1;
            _figures.Add(new BenchFigure(
                parallel ? "analyze_parallel_per_minute" : "analyze_single_per_minute",
                $"analyze into SQLite, {(parallel ? $"{parallelism} at once" : "one at a time")} ({analyzed} analysed, {failed} failed)",
                Median(rates),
                "contracts/min",
                parallel || options.Parallelism == 1 ? ">= 300/min (2 cores)" : null,
                parallel || options.Parallelism == 1 ? Median(rates) >= 300 : null));
        }
    }

    private static async Task<(int Analyzed, int Failed)> AnalyzeIntoAsync(string database, List<InputFile> inputs, int parallelism, CancellationToken cancellationToken)
    {
        await using var opened = DealLensDatabase.Open(database, TimeProvider.System);
        var store = opened.Documents;
        using var runner = new AnalysisRunner(Pipelines.CreateEmbedded(), store, TextExtractors.ForPath, new AnalysisRunnerOptions { Parallelism = parallelism });
        var runId = await store.StartRunAsync("bench", cancellationToken);
        int analyzed = 0, failed = 0;
        await foreach (var outcome in runner.RunAsync(inputs, runId, cancellationToken))
        {
            analyzed += outcome.Status == DocumentStatus.Analyzed ? 1 : 0;
            failed += outcome.Status == DocumentStatus.Failed ? 1 : 0;
        }

        await store.FinishRunAsync(runId, new RunSummary(analyzed, 0, failed, "ok"), cancellationToken);
        return (analyzed, failed);
    }

    private async Task PeakMemoryAsync(List<string> documents, CancellationToken cancellationToken)
    {
        var filing = Path.Combine(options.WorkFolder, $"generated-{options.FilingPages}-pages.pdf");
        await File.WriteAllBytesAsync(filing, SyntheticDocuments.Pdf(options.FilingPages), cancellationToken);
        var cases = new List<(string Key, string Label, string File, string? Target, long? LimitKb)>();
        if (documents.Count > 0)
        {
            var largest = documents.OrderByDescending(f => new FileInfo(f).Length).First();
            cases.Add(("peak_memory_largest_mb", $"peak memory, largest document ({Shorten(Path.GetFileName(largest))}, {new FileInfo(largest).Length / 1024:N0} KB)", largest, null, null));
        }

        cases.Add(("peak_memory_filing_mb", $"peak memory, generated {options.FilingPages}-page filing", filing, "<= 300 MB (200 pages)", 300 * 1024));
        foreach (var (key, label, file, target, limitKb) in cases)
        {
            await Progress($"peak memory: {Path.GetFileName(file)} x {options.Runs} runs, each in a fresh process");
            var peaks = new List<double>();
            string? problem = null;
            for (var run = 0; run < options.Runs; run++)
            {
                var database = Path.Combine(options.WorkFolder, $"memory-{run}.db");
                var result = await ChildProcess.RunAsync(
                    options.ToolsExecutable, ["measure", "--", "analyze", file, "--db", database, "--parallel", "1"], options.WorkFolder, TimeSpan.FromMinutes(10), cancellationToken);
                DeleteDatabase(database);
                if (result.PeakKilobytes is { } peak)
                {
                    peaks.Add(peak / 1024.0);
                }
                else
                {
                    problem = $"the child process reported no peak (exit {result.ExitCode}): {FirstLine(result.Error)}";
                }
            }

            var median = peaks.Count > 0 ? Median(peaks) : (double?)null;
            _figures.Add(new BenchFigure(key, label, median, "MB", target, limitKb is null || median is null ? null : median * 1024 <= limitKb, problem));
        }
    }

    private async Task ScalingAsync(List<string> documents, CancellationToken cancellationToken)
    {
        await Progress($"time against size: {documents.Count} documents and generated PDFs of {string.Join(", ", options.ScalingPages)} pages");
        var pipeline = Pipelines.CreateEmbedded();
        var corpus = new List<(double, double)>();
        foreach (var file in documents)
        {
            var (pages, seconds) = await TimeOneAsync(pipeline, file, File.ReadAllBytes(file), cancellationToken);
            if (pages > 0)
            {
                corpus.Add((pages, seconds));
            }
        }

        var generated = new List<(double, double)>();
        foreach (var size in options.ScalingPages)
        {
            var bytes = SyntheticDocuments.Pdf(size);
            var times = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                times.Add((await TimeOneAsync(pipeline, $"generated-{size}.pdf", bytes, cancellationToken)).Seconds);
            }

            generated.Add((size, Median(times)));
        }

        foreach (var (name, points) in new[] { ("documents", corpus), ("generated PDFs", generated) })
        {
            if (points.Count < 2)
            {
                continue;
            }

            var series = new ScalingSeries(name, points, LeastSquares.Linear(points), LeastSquares.Quadratic(points));
            _scaling.Add(series);
            _figures.Add(new BenchFigure(
                name == "documents" ? "scaling_documents_quadratic_share" : "scaling_generated_quadratic_share",
                string.Create(CultureInfo.InvariantCulture,
                    $"time vs pages, {name}: {series.Linear.Slope * 1000:0.00} ms/page + {series.Linear.Intercept * 1000:0} ms, R² {series.Linear.RSquared:0.000}; x² share at {series.MaxPages:0} pages"),
                series.QuadraticShare * 100,
                "%",
                $"linear (x² < {ScalingSeries.MaxQuadraticShare * 100:0} %)",
                series.IsLinear));
        }
    }

    private static async Task<(int Pages, double Seconds)> TimeOneAsync(DealPipeline pipeline, string name, byte[] bytes, CancellationToken cancellationToken)
    {
        var extractor = TextExtractors.ForPath(name)!;
        var clock = Stopwatch.StartNew();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var text = extractor.Extract(stream, name);
            await pipeline.AnalyzeAsync(name, "bench", text, cancellationToken);
            return (text.Pages.Count, clock.Elapsed.TotalSeconds);
        }
        catch (Core.DealLensException)
        {
            return (0, clock.Elapsed.TotalSeconds);
        }
    }

    private async Task SqliteAsync(CancellationToken cancellationToken)
    {
        const int clausesPerDocument = 100;
        var documentCount = Math.Max(1, options.Clauses / clausesPerDocument);
        await Progress($"sqlite: {documentCount * clausesPerDocument:N0} clauses in {documentCount:N0} documents");
        var database = Path.Combine(options.WorkFolder, "queue.db");
        var random = new Random(8);
        var rates = new List<double>();
        await using (var opened = DealLensDatabase.Open(database, TimeProvider.System))
        {
            var store = opened.Documents;
            var runId = await store.StartRunAsync("bench", cancellationToken);
            const int batch = 50;
            for (var first = 0; first < documentCount; first += batch)
            {
                var analyses = Enumerable.Range(first, Math.Min(batch, documentCount - first))
                    .Select(i => SyntheticAnalysis(i, clausesPerDocument, random)).ToList();
                var clock = Stopwatch.StartNew();
                foreach (var analysis in analyses)
                {
                    await store.SaveAnalysisAsync(analysis, runId, cancellationToken);
                }

                rates.Add(analyses.Count * clausesPerDocument / clock.Elapsed.TotalSeconds);
            }
        }

        _figures.Add(new BenchFigure("sqlite_insert_clauses_per_second",
            $"SQLite insert (store.SaveAnalysisAsync, {clausesPerDocument} clauses per document)", Median(rates), "clauses/s", null, null));

        await SeedReviewDecisionsAsync(database, documentCount, clausesPerDocument, random, cancellationToken);

        // The query `deallens review list` runs (the first page of 50), through the review store itself.
        var filters = new (string Name, ReviewQueueFilter Filter)[]
        {
            ("all", new ReviewQueueFilter { Limit = 50 }),
            ("type", new ReviewQueueFilter { Type = "take_or_pay", Limit = 50 }),
            ("status", new ReviewQueueFilter { Status = ReviewStatus.Accepted, Limit = 50 }),
            ("company", new ReviewQueueFilter { Company = "Customer 0007", Limit = 50 }),
            ("document", new ReviewQueueFilter { Document = "bench/doc-000042.pdf", Limit = 50 }),
        };
        var worst = 0.0;
        var worstName = "";
        await using (var opened = DealLensDatabase.Open(database, TimeProvider.System))
        {
            var queueStore = opened.Review;
            foreach (var (name, filter) in filters)
            {
                await queueStore.LoadReviewQueueAsync(filter, ReviewFlagger.Default, cancellationToken);
                var times = new List<double>();
                for (var run = 0; run < Math.Max(5, options.Runs); run++)
                {
                    var clock = Stopwatch.StartNew();
                    await queueStore.LoadReviewQueueAsync(filter, ReviewFlagger.Default, cancellationToken);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                var median = Median(times);
                if (median >= worst)
                {
                    (worst, worstName) = (median, name);
                }
            }
        }

        _figures.Add(new BenchFigure("review_queue_ms",
            $"review queue query at {documentCount * clausesPerDocument:N0} clauses (slowest filter: {worstName})", worst, "ms", "<= 50 ms", worst <= 50));
    }

    private static DocumentAnalysis SyntheticAnalysis(int index, int clauses, Random random)
    {
        var types = ClauseTypesForBench;
        var text = new StringBuilder();
        var list = new List<Clause>(clauses);
        for (var i = 0; i < clauses; i++)
        {
            var quote = string.Create(CultureInfo.InvariantCulture, $"Clause {i} of document {index}: the Customer shall pay $1,000,000 per month.");
            var start = text.Length;
            text.Append(quote).Append('\n');
            list.Add(new Clause(
                SyntheticClauseId(index, i), types[random.Next(types.Length)], quote, 1 + i / 40, start, start + quote.Length,
                Math.Round(random.NextDouble(), 3), "bench", ClauseFields.None));
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(index)));
        var document = DocumentText.FromPages([text.ToString()], DocumentFormat.Pdf);
        var provider = string.Create(CultureInfo.InvariantCulture, $"Provider {index % 50:0000}");
        var customer = string.Create(CultureInfo.InvariantCulture, $"Customer {index % 200:0000}");
        var deal = DealTerms.Empty with { Parties = [provider, customer], Provider = provider, Customer = customer };
        return new DocumentAnalysis(string.Create(CultureInfo.InvariantCulture, $"bench/doc-{index:000000}.pdf"), sha, document, list, deal, [], "bench");
    }

    private static string SyntheticClauseId(int document, int clause)
        => string.Create(CultureInfo.InvariantCulture, $"{document:x8}{clause:x8}");

    private static readonly string[] ClauseTypesForBench =
    [
        "take_or_pay", "minimum_commitment", "governing_law", "cap_on_liability", "anti_assignment", "renewal_term",
        "change_of_control", "exclusivity", "prepayment", "uncapped_liability", "termination_for_convenience", "chip_access",
    ];

    // Two in a hundred clauses have been reviewed, as in a queue that is being worked through: each decision recorded
    // as `deallens review accept|reject` records it, through the review store.
    private async Task SeedReviewDecisionsAsync(string database, int documents, int clausesPerDocument, Random random, CancellationToken cancellationToken)
    {
        var chosen = new List<string>();
        for (var index = 0; index < documents; index++)
        {
            for (var i = 0; i < clausesPerDocument; i++)
            {
                if (random.Next(100) < 2)
                {
                    chosen.Add(SyntheticClauseId(index, i));
                }
            }
        }

        await Progress($"review: {chosen.Count:N0} decisions recorded through the review store");
        await using var opened = DealLensDatabase.Open(database, TimeProvider.System);
        for (var n = 0; n < chosen.Count; n++)
        {
            var target = await opened.Review.ResolveReviewTargetAsync(chosen[n], cancellationToken);
            var verb = n % 2 == 0 ? ReviewVerbs.Accept : ReviewVerbs.Reject;
            await opened.Review.ApplyReviewActionAsync(target, new ReviewAction(verb, "bench"), expectedVersion: null, cancellationToken);
        }
    }

    private async Task ColdStartAsync(CancellationToken cancellationToken)
    {
        var small = Path.Combine(options.WorkFolder, "small.txt");
        await File.WriteAllTextAsync(small, SyntheticDocuments.SmallContract(), cancellationToken);
        var build = ProductBuild.Describe(options.Executable);
        await Progress($"cold start: `deallens analyze small.txt` in a fresh process, 1 warm-up + {options.Runs} runs ({options.Executable}, {build})");
        var times = new List<double>();
        string? problem = null;
        for (var run = -1; run < options.Runs; run++)
        {
            var database = Path.Combine(options.WorkFolder, $"cold-{run + 1}.db");
            var result = await ChildProcess.RunAsync(options.Executable, ["analyze", small, "--db", database], options.WorkFolder, TimeSpan.FromMinutes(2), cancellationToken);
            DeleteDatabase(database);
            if (result.ExitCode != ExitCodes.Ok)
            {
                problem = $"exit {result.ExitCode}: {FirstLine(result.Error)}";
            }

            if (run >= 0)
            {
                times.Add(result.Seconds);
            }
        }

        var median = Median(times);
        var note = problem ?? (build == "ReadyToRun" ? null : "not a ReadyToRun build; the linux-x64 tool package is one (see docs/cold-start.md)");
        _figures.Add(new BenchFigure("cold_start_seconds", $"cold start, one small document in a fresh process ({build})", median, "s", "<= 1.0 s", median <= 1.0, note));
        _figures.Add(await ColdStartJitAsync(small, cancellationToken));
    }

    /// <summary>
    /// Methods the runtime JIT-compiled in one more cold run (its own summary, DOTNET_JitDisasmSummary): unlike the
    /// time, the count does not depend on what else the machine is doing.
    /// </summary>
    private async Task<BenchFigure> ColdStartJitAsync(string small, CancellationToken cancellationToken)
    {
        var database = Path.Combine(options.WorkFolder, "cold-jit.db");
        var log = Path.Combine(options.WorkFolder, "cold-jit.txt");
        var environment = new Dictionary<string, string> { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = log };
        var result = await ChildProcess.RunAsync(options.Executable, ["analyze", small, "--db", database], options.WorkFolder, TimeSpan.FromMinutes(2), cancellationToken, environment);
        DeleteDatabase(database);
        double? methods = File.Exists(log) ? File.ReadLines(log).Count(line => line.Contains("JIT compiled ", StringComparison.Ordinal)) : null;
        File.Delete(log);
        var note = result.ExitCode != ExitCodes.Ok ? $"exit {result.ExitCode}: {FirstLine(result.Error)}"
            : methods is null ? "the runtime wrote no JIT summary" : null;
        return new BenchFigure("cold_start_jit_methods", "cold start: methods JIT-compiled in that process", methods, "methods", null, null, note);
    }

    private async Task Progress(string message) => await progress.WriteLineAsync($"bench: {message}");

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }

    private static string Shorten(string name) => name.Length <= 32 ? name : name[..20] + "..." + name[^9..];

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
