using System.Text;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>Where a model came from: the data, its licence and attribution, the seed and the training date.</summary>
public sealed record ClauseModelInfo
{
    public string Data { get; init; } = "";

    public string License { get; init; } = "";

    public string Attribution { get; init; } = "";

    /// <summary>The training date as passed in by the caller (ISO 8601); never read from the clock.</summary>
    public string TrainedOn { get; init; } = "";

    public long Seed { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>Ids of the contracts the model was trained on, so an evaluation can warn when it scores on them.</summary>
    public IReadOnlyList<string> TrainingIds { get; init; } = [];

    /// <summary>
    /// <see cref="ClauseRuleSet.Fingerprint"/> of the rules whose matches were the model's stacking features; empty for
    /// a model without rule features or from before format 4.
    /// </summary>
    public string RulesFingerprint { get; init; } = "";

    /// <summary>
    /// <see cref="TokenVectors.Fingerprint"/> of the token vector table the model's dense features came from; empty
    /// for a model without them.
    /// </summary>
    public string TokenVectorsFingerprint { get; init; } = "";
}

/// <summary>One span of a document with the model's calibrated probability for each of its types.</summary>
public sealed record ScoredSpan(TextSpan Span, float[] Probabilities);

/// <summary>
/// A trained span classifier: one logistic regression per clause type over shared hashed features, with a
/// Platt calibration and a decision threshold per type. Weights are stored as sparse int8.
/// </summary>
public sealed class ClauseModel
{
    private const uint Magic = 0x4D434C44; // "DLCM" little-endian
    private const ushort FormatVersion = 6;

    // Version 6 only adds the alone threshold of veto types; a model without one is still written as version 5,
    // byte for byte as before.
    private const ushort FormatVersionWithoutAlone = 5;
    private const string ResourceName = "DealLens.Core.clause-model.bin";

    private static readonly Lazy<ClauseModel> s_default = new(LoadEmbedded);

    private readonly TypeWeights[] _types;
    private readonly SpanFeaturizer _featurizer;

    internal ClauseModel(ClauseModelInfo info, ClauseFeatureOptions features, TypeWeights[] types)
    {
        Info = info;
        Features = features;
        _types = types;
        _featurizer = new SpanFeaturizer(features);
        Types = [.. types.Select(t => t.Type)];
    }

    public ClauseModelInfo Info { get; }

    public ClauseFeatureOptions Features { get; }

    /// <summary>The clause types this model scores, in the order of <see cref="ScoredSpan.Probabilities"/>.</summary>
    public IReadOnlyList<string> Types { get; }

    internal IReadOnlyList<TypeWeights> TypeWeights => _types;

    internal TypeWeights WeightsOf(int type) => _types[type];

    internal SpanFeaturizer Featurizer => _featurizer;

    /// <summary>The calibrated probability at or above which a span is reported as <paramref name="type"/>.</summary>
    public double ThresholdOf(string type) => WeightsOf(type).Threshold;

    /// <summary>
    /// The probability at or above which a veto type reports a span no rule of the type matched; infinity when the
    /// type never reports alone (not a veto type, or trained without <see cref="ClauseTrainerOptions.VetoAlonePrecision"/>).
    /// </summary>
    public float AloneThresholdOf(string type) => WeightsOf(type) is { HasAloneThreshold: true } w ? w.AloneThreshold : float.PositiveInfinity;

    /// <summary>
    /// A copy in which <paramref name="type"/> decides by veto at <paramref name="modeThreshold"/> and reports a span no
    /// rule matched at <paramref name="aloneThreshold"/> (infinity = never); for experiments and tests of the decision.
    /// </summary>
    public ClauseModel WithVetoAlone(string type, float modeThreshold, float aloneThreshold)
    {
        var index = Array.FindIndex(_types, t => string.Equals(t.Type, type, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ArgumentException("Unknown clause type: " + type, nameof(type));
        }

        var types = (TypeWeights[])_types.Clone();
        var w = types[index];
        types[index] = w.With(w.PlattA, w.PlattB, w.Threshold, DecisionMode.Veto, modeThreshold, aloneThreshold).With(w.ClauseConfidence);
        return new ClauseModel(Info, Features, types);
    }

    /// <summary>How a reported clause's confidence follows from its best span probability for <paramref name="type"/>.</summary>
    public ClauseConfidence ClauseConfidenceOf(string type) => WeightsOf(type).ClauseConfidence;

    private TypeWeights WeightsOf(string type)
        => _types.FirstOrDefault(t => string.Equals(t.Type, type, StringComparison.Ordinal))
            ?? throw new ArgumentException("Unknown clause type: " + type, nameof(type));

    /// <summary>
    /// Throws a <see cref="DealLensException"/> when this model was trained with rule features from another rule set
    /// than <paramref name="rules"/>: its weights for the rules would then stand for other wording.
    /// </summary>
    public void EnsureTrainedWith(ClauseRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!Features.RuleFeatures || string.Equals(Info.RulesFingerprint, rules.Fingerprint, StringComparison.Ordinal))
        {
            return;
        }

        throw new DealLensException(Info.RulesFingerprint.Length == 0
            ? $"This clause model was trained before rule sets had fingerprints, so it cannot be checked against the rules in use (rules {rules.Fingerprint}); retrain it with `deallens train`."
            : $"This clause model was trained with rule set {Info.RulesFingerprint}, but the rules in use are {rules.Fingerprint}; retrain it with `deallens train` after changing the clause catalog.");
    }

    /// <summary>Segments the text and scores every span for every type (rule features from the default rules).</summary>
    public IReadOnlyList<ScoredSpan> Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var featurized = _featurizer.Featurize(text, ClauseRuleSet.Default);
        var result = new ScoredSpan[featurized.SpanCount];
        for (var s = 0; s < featurized.SpanCount; s++)
        {
            var probabilities = new float[_types.Length];
            var indices = featurized.IndicesOf(s);
            var values = featurized.ValuesOf(s);
            for (var t = 0; t < _types.Length; t++)
            {
                probabilities[t] = (float)_types[t].Probability(_types[t].Margin(indices, values));
            }

            result[s] = new ScoredSpan(featurized.Spans[s], probabilities);
        }

        return result;
    }

    /// <summary>
    /// Calibrated probabilities [span][type] of the given spans, with <paramref name="evidence"/> (every rule
    /// matching each span) as stacking features, and the number of words of each span.
    /// </summary>
    internal float[][] ScoreSpans(string text, TextSpan[] spans, IReadOnlyList<ClauseRuleMatch>[] evidence, out int[] wordCounts)
    {
        var featurized = _featurizer.Featurize(text, spans, evidence);
        var result = new float[spans.Length][];
        wordCounts = new int[spans.Length];
        for (var s = 0; s < spans.Length; s++)
        {
            var probabilities = new float[_types.Length];
            var indices = featurized.IndicesOf(s);
            var values = featurized.ValuesOf(s);
            for (var t = 0; t < _types.Length; t++)
            {
                probabilities[t] = (float)_types[t].Probability(_types[t].Margin(indices, values));
            }

            result[s] = probabilities;
            wordCounts[s] = featurized.SpanWords[s].End - featurized.SpanWords[s].Start;
        }

        return result;
    }

    /// <summary>The model embedded in DealLens.Core (trained on the CUAD v1 dev half).</summary>
    public static ClauseModel LoadDefault() => s_default.Value;

    private static ClauseModel LoadEmbedded()
    {
        using var stream = typeof(ClauseModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new DealLensException("The embedded clause model is missing from DealLens.Core.");
        return Load(stream);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var version = _types.Any(t => t.HasAloneThreshold) ? FormatVersion : FormatVersionWithoutAlone;
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Info.Data);
            writer.Write(Info.License);
            writer.Write(Info.Attribution);
            writer.Write(Info.TrainedOn);
            writer.Write(Info.Seed);
            writer.Write(Info.Notes);
            writer.Write(Info.TrainingIds.Count);
            foreach (var id in Info.TrainingIds)
            {
                writer.Write(id);
            }

            writer.Write(Features.HashBits);
            writer.Write(Features.Bigrams);
            writer.Write(Features.Trigrams);
            writer.Write(Features.Context);
            writer.Write(Features.Headings);
            writer.Write(Features.ContextWeight);
            writer.Write(Features.HeadingWeight);
            writer.Write(Features.MaxSpanWords);
            writer.Write(Features.RuleFeatures);
            writer.Write(Features.RuleWeight);
            writer.Write(Info.RulesFingerprint);
            writer.Write(Features.TokenVectorDims);
            writer.Write(Features.TokenVectorWeight);
            writer.Write(Features.TokenVectorHeading);
            writer.Write(Info.TokenVectorsFingerprint);

            writer.Write(_types.Length);
            foreach (var type in _types)
            {
                type.Write(writer, 1 << Features.HashBits, version);
            }
        }

        var bytes = payload.ToArray();
        using var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(version);
        header.Write(bytes.Length);
        header.Write(bytes);
        header.Write(FeatureHashing.Fnv1a(bytes));
    }

    public static ClauseModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (header.ReadUInt32() != Magic)
            {
                throw new DealLensException("Not a DealLens clause model (bad magic number).");
            }

            var version = header.ReadUInt16();
            if (version is not (1 or 2 or 3 or 4 or FormatVersionWithoutAlone or FormatVersion))
            {
                throw new DealLensException($"Clause model format version {version} is not supported (expected {FormatVersion}).");
            }

            var length = header.ReadInt32();
            if (length is < 0 or > 256 * 1024 * 1024)
            {
                throw new DealLensException("Clause model is damaged (bad payload length).");
            }

            var bytes = header.ReadBytes(length);
            if (bytes.Length != length)
            {
                throw new DealLensException("Clause model is truncated.");
            }

            if (header.ReadUInt32() != FeatureHashing.Fnv1a(bytes))
            {
                throw new DealLensException("Clause model is damaged (checksum mismatch).");
            }

            var reader = new PayloadReader(bytes);
            var info = new ClauseModelInfo
            {
                Data = reader.ReadString(),
                License = reader.ReadString(),
                Attribution = reader.ReadString(),
                TrainedOn = reader.ReadString(),
                Seed = reader.ReadInt64(),
                Notes = reader.ReadString(),
            };
            if (version >= 2)
            {
                var idCount = reader.ReadInt32();
                if (idCount is < 0 or > 1_000_000)
                {
                    throw new DealLensException("Clause model is damaged (bad training id count).");
                }

                var ids = new string[idCount];
                for (var i = 0; i < idCount; i++)
                {
                    ids[i] = reader.ReadString();
                }

                info = info with { TrainingIds = ids };
            }

            var features = new ClauseFeatureOptions
            {
                HashBits = reader.ReadInt32(),
                Bigrams = reader.ReadBoolean(),
                Trigrams = reader.ReadBoolean(),
                Context = reader.ReadBoolean(),
                Headings = reader.ReadBoolean(),
                ContextWeight = reader.ReadSingle(),
                HeadingWeight = reader.ReadSingle(),
                MaxSpanWords = reader.ReadInt32(),
                RuleFeatures = false,
            };
            if (version >= 2)
            {
                features = features with { RuleFeatures = reader.ReadBoolean(), RuleWeight = reader.ReadSingle() };
            }

            if (version >= 4)
            {
                info = info with { RulesFingerprint = reader.ReadString() };
            }

            if (version >= 5)
            {
                features = features with { TokenVectorDims = reader.ReadInt32(), TokenVectorWeight = reader.ReadSingle(), TokenVectorHeading = reader.ReadBoolean() };
                info = info with { TokenVectorsFingerprint = reader.ReadString() };
                if (features.TokenVectorDims is < 0 or > 1024 || !float.IsFinite(features.TokenVectorWeight))
                {
                    throw new DealLensException("Clause model is damaged (bad token vector settings).");
                }
            }

            if (features.HashBits is < 8 or > 26)
            {
                throw new DealLensException("Clause model is damaged (bad hash size).");
            }

            var count = reader.ReadInt32();
            if (count is < 0 or > 1024)
            {
                throw new DealLensException("Clause model is damaged (bad type count).");
            }

            var types = new TypeWeights[count];
            for (var t = 0; t < count; t++)
            {
                types[t] = Learning.TypeWeights.Read(ref reader, 1 << features.HashBits, features.DenseCount, version);
            }

            // Checked after the weights are read, so that the table, loaded on another thread at start-up
            // (EmbeddedClauseExtractor), is waited for as late as possible.
            if (features.TokenVectorDims > 0 && !string.Equals(info.TokenVectorsFingerprint, TokenVectors.Default.Fingerprint, StringComparison.Ordinal))
            {
                throw new DealLensException(
                    $"This clause model was trained with token vectors {info.TokenVectorsFingerprint}, but DealLens has {TokenVectors.Default.Fingerprint}; retrain it with `deallens train`.");
            }

            return new ClauseModel(info, features, types);
        }
        catch (EndOfStreamException ex)
        {
            throw new DealLensException("Clause model is truncated.", ex);
        }
        catch (FormatException ex)
        {
            throw new DealLensException("Clause model is damaged.", ex);
        }
    }
}

/// <summary>How <see cref="EmbeddedClauseExtractor"/> picks a type's spans, chosen per type on out-of-fold predictions.</summary>
internal enum DecisionMode : byte
{
    /// <summary>The model alone: probability at or above the threshold.</summary>
    Model = 0,

    /// <summary>A rule of the type matched, or the model is confident.</summary>
    Union = 1,

    /// <summary>A rule of the type matched and the model does not veto it.</summary>
    Veto = 2,
}

/// <summary>The weights, calibration and threshold of one type. Weights are int8 times a per-type scale.</summary>
internal sealed class TypeWeights
{
    private readonly float[] _weights;

    public TypeWeights(string type, float[] weights, float bias, float plattA, float plattB, float threshold)
    {
        Type = type;
        _weights = weights;
        Bias = bias;
        PlattA = plattA;
        PlattB = plattB;
        Threshold = threshold;
    }

    public string Type { get; }

    public float Bias { get; }

    public float PlattA { get; }

    public float PlattB { get; }

    public float Threshold { get; }

    /// <summary>How the type's spans are chosen from the model's probability and the rules (see <see cref="DecisionMode"/>).</summary>
    public DecisionMode Mode { get; init; }

    /// <summary>The probability threshold that goes with <see cref="Mode"/>.</summary>
    public float ModeThreshold { get; init; }

    /// <summary>
    /// A veto type only: a span no rule of the type matched is still reported when its probability is at least this
    /// (learned on out-of-fold predictions, <see cref="Calibration.ChooseAloneThreshold"/>); infinity = never.
    /// </summary>
    public float AloneThreshold { get; init; } = float.PositiveInfinity;

    public bool HasAloneThreshold => Mode == DecisionMode.Veto && float.IsFinite(AloneThreshold);

    /// <summary>How a reported clause's confidence follows from its best span probability and its rule matches.</summary>
    public ClauseConfidence ClauseConfidence { get; init; } = ClauseConfidence.Identity;

    public TypeWeights With(float plattA, float plattB, float threshold, DecisionMode mode = DecisionMode.Model, float modeThreshold = 0, float aloneThreshold = float.PositiveInfinity)
        => new(Type, _weights, Bias, plattA, plattB, threshold) { Scale = Scale, Mode = mode, ModeThreshold = modeThreshold, AloneThreshold = aloneThreshold, ClauseConfidence = ClauseConfidence };

    public TypeWeights With(ClauseConfidence clauseConfidence)
        => new(Type, _weights, Bias, PlattA, PlattB, Threshold) { Scale = Scale, Mode = Mode, ModeThreshold = ModeThreshold, AloneThreshold = AloneThreshold, ClauseConfidence = clauseConfidence };

    /// <summary>Whether a span is reported: <paramref name="ruleHit"/> = a rule of this type matched it.</summary>
    public bool Selects(float probability, bool ruleHit, bool longEnough) => Mode switch
    {
        DecisionMode.Union => ruleHit || (longEnough && probability >= ModeThreshold),
        DecisionMode.Veto => VetoAlone.Selects(probability, ruleHit, longEnough, ModeThreshold, AloneThreshold),
        _ => longEnough && probability >= ModeThreshold,
    };

    public double Margin(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        var sum = (double)Bias;
        for (var i = 0; i < indices.Length; i++)
        {
            sum += _weights[indices[i]] * values[i];
        }

        return sum;
    }

    public double Probability(double margin) => 1 / (1 + Math.Exp(-(PlattA * margin + PlattB)));

    /// <summary>
    /// Rounds the trained weights of the <paramref name="buckets"/> hashed features to int8 with one scale per type
    /// (weights that round to zero are dropped); the few dense weights after them stay floats.
    /// </summary>
    public static TypeWeights Quantise(string type, float[] weights, float bias, int buckets)
    {
        var max = 0f;
        for (var i = 0; i < buckets; i++)
        {
            max = Math.Max(max, Math.Abs(weights[i]));
        }

        var scale = max > 0 ? max / 127f : 1f;
        var quantised = new float[weights.Length];
        weights.AsSpan(buckets).CopyTo(quantised.AsSpan(buckets));
        for (var i = 0; i < buckets; i++)
        {
            // Weights of one step (|q| <= 1) are pruned: they barely move a score and would double the file.
            var q = Math.Clamp(Math.Round(weights[i] / scale), -127, 127);
            quantised[i] = Math.Abs(q) <= 1 ? 0 : (float)(q * scale);
        }

        return new TypeWeights(type, quantised, bias, 1f, 0f, 0.5f) { Scale = scale, ModeThreshold = 0.5f };
    }

    public float Scale { get; private init; } = 1f;

    public void Write(BinaryWriter writer, int buckets, int version)
    {
        writer.Write(Type);
        writer.Write(Threshold);
        writer.Write((byte)Mode);
        writer.Write(ModeThreshold);
        if (version >= 6)
        {
            writer.Write(HasAloneThreshold ? AloneThreshold : float.PositiveInfinity);
        }

        writer.Write(PlattA);
        writer.Write(PlattB);
        writer.Write(ClauseConfidence.Slope);
        writer.Write(ClauseConfidence.Intercept);
        writer.Write(ClauseConfidence.RuleShift);
        writer.Write(Bias);
        writer.Write(Scale);
        var nonZero = 0;
        for (var i = 0; i < buckets; i++)
        {
            if (Quantum(_weights[i]) != 0)
            {
                nonZero++;
            }
        }

        writer.Write(nonZero);
        var previous = -1;
        for (var i = 0; i < buckets; i++)
        {
            var q = Quantum(_weights[i]);
            if (q == 0)
            {
                continue;
            }

            writer.Write7BitEncodedInt(i - previous - 1);
            writer.Write(q);
            previous = i;
        }

        for (var i = buckets; i < _weights.Length; i++)
        {
            writer.Write(_weights[i]);
        }
    }

    public static TypeWeights Read(ref PayloadReader reader, int buckets, int dense, int version)
    {
        var type = reader.ReadString();
        var threshold = reader.ReadSingle();
        var mode = DecisionMode.Model;
        var modeThreshold = threshold;
        if (version >= 2)
        {
            mode = (DecisionMode)reader.ReadByte();
            modeThreshold = reader.ReadSingle();
            if (mode is not (DecisionMode.Model or DecisionMode.Union or DecisionMode.Veto))
            {
                throw new DealLensException("Clause model is damaged (bad decision mode).");
            }
        }

        var aloneThreshold = float.PositiveInfinity;
        if (version >= 6)
        {
            aloneThreshold = reader.ReadSingle();
            if (float.IsNaN(aloneThreshold) || aloneThreshold < 0)
            {
                throw new DealLensException("Clause model is damaged (bad alone threshold).");
            }
        }

        var plattA = reader.ReadSingle();
        var plattB = reader.ReadSingle();
        var clauseConfidence = ClauseConfidence.Identity;
        if (version >= 3)
        {
            clauseConfidence = new ClauseConfidence(reader.ReadSingle(), reader.ReadSingle(), reader.ReadSingle());
            if (!float.IsFinite(clauseConfidence.Slope) || !float.IsFinite(clauseConfidence.Intercept) || !float.IsFinite(clauseConfidence.RuleShift))
            {
                throw new DealLensException("Clause model is damaged (bad clause confidence).");
            }
        }

        var bias = reader.ReadSingle();
        var scale = reader.ReadSingle();
        var nonZero = reader.ReadInt32();
        if (nonZero < 0 || nonZero > buckets || !float.IsFinite(scale) || !float.IsFinite(bias))
        {
            throw new DealLensException("Clause model is damaged (bad weights header).");
        }

        var weights = new float[buckets + dense];
        var index = -1;
        for (var n = 0; n < nonZero; n++)
        {
            index += reader.Read7BitEncodedInt() + 1;
            if (index < 0 || index >= buckets)
            {
                throw new DealLensException("Clause model is damaged (weight index out of range).");
            }

            weights[index] = reader.ReadSByte() * scale;
        }

        for (var i = buckets; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSingle();
            if (!float.IsFinite(weights[i]))
            {
                throw new DealLensException("Clause model is damaged (bad dense weight).");
            }
        }

        return new TypeWeights(type, weights, bias, plattA, plattB, threshold)
        {
            Scale = scale, Mode = mode, ModeThreshold = modeThreshold, AloneThreshold = aloneThreshold, ClauseConfidence = clauseConfidence,
        };
    }

    private sbyte Quantum(float weight) => (sbyte)Math.Clamp(Math.Round(weight / Scale), -127, 127);

}
