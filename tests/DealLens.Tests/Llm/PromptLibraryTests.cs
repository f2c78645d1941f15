using DealLens.Llm;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Llm;

public sealed class PromptLibraryTests
{
    public static TheoryData<string> PromptFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Prompts, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PromptFiles))]
    public void Parse_EveryPromptFile_ParsesIntoATemplateConfig(string fileName)
    {
        var prompt = PromptLibrary.Parse(fileName, File.ReadAllText(Path.Combine(RepoPaths.Prompts, fileName)));

        Assert.False(string.IsNullOrWhiteSpace(prompt.Config.Name));
        Assert.False(string.IsNullOrWhiteSpace(prompt.Config.Description));
        Assert.Contains("{{$passages}}", prompt.Config.Template, StringComparison.Ordinal);
        Assert.Contains(prompt.Config.InputVariables, v => v.Name == "passages");
        Assert.NotNull(prompt.Config.DefaultExecutionSettings);
        Assert.Equal(64, prompt.Hash.Length);
    }

    [Fact]
    public void Names_EmbeddedPrompts_MatchThePromptsFolder()
    {
        var onDisk = Directory.GetFiles(RepoPaths.Prompts, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, PromptLibrary.Names);
    }

    [Fact]
    public void Load_ClauseExtraction_HasVersionAndSettings()
    {
        var prompt = PromptLibrary.Load(PromptLibrary.ClauseExtraction);

        Assert.Equal("clause_extraction", prompt.Name);
        Assert.Matches("^clause_extraction@[0-9a-f]{12}$", prompt.Version);
        Assert.Equal(0L, prompt.Config.DefaultExecutionSettings!.ExtensionData!["temperature"]);
    }

    [Fact]
    public void Parse_UnknownKey_Throws()
        => Assert.Throws<DealLens.Core.DealLensException>(() => PromptLibrary.Parse("x.yaml", "name: x\ntemplate: hi\nsurprise: 1\n"));
}
