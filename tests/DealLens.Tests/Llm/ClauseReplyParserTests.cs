using DealLens.Llm;

namespace DealLens.Tests.Llm;

public sealed class ClauseReplyParserTests
{
    [Fact]
    public void Parse_ValidReply_ReturnsCandidates()
    {
        var reply = ClauseReplyParser.Parse("""{"clauses":[{"type":"take_or_pay","quote":"Customer shall pay.","confidence":0.75,"fields":{"amount":5}}]}""");

        Assert.True(reply.IsWellFormed);
        Assert.Equal(new ClauseCandidate("take_or_pay", "Customer shall pay.", 0.75), Assert.Single(reply.Clauses));
        Assert.Empty(reply.Dropped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("\"clauses\"")]
    [InlineData("""{"clauses":{}}""")]
    [InlineData("""{"clauses":[]} trailing garbage""")]
    [InlineData("""{"clauses":[]}{"clauses":[]}""")]
    [InlineData("""{"clauses":[],"note":"extra"}""")]
    [InlineData("""{"clauses":[],"clauses":[]}""")]
    [InlineData("""{"clauses":[],}""")]
    public void Parse_NotTheSchema_IsMalformed(string text)
    {
        var reply = ClauseReplyParser.Parse(text);

        Assert.False(reply.IsWellFormed);
        Assert.Empty(reply.Clauses);
        Assert.Equal(1, reply.Dropped[DropReasons.MalformedJson]);
    }

    [Theory]
    [InlineData("""{"type":"take_or_pay","quote":"q","confidence":1.5}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"take_or_pay","quote":"q","confidence":-0.1}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"take_or_pay","quote":"q","confidence":"0.5"}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"take_or_pay","quote":"","confidence":0.5}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"take_or_pay","quote":"   ","confidence":0.5}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"take_or_pay","confidence":0.5}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"take_or_pay","quote":"q","confidence":0.5,"fields":[]}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"take_or_pay","quote":"q","confidence":0.5,"start":0}""", DropReasons.InvalidValue)]
    [InlineData("""{"type":"TAKE_OR_PAY","quote":"q","confidence":0.5}""", DropReasons.UnknownType)]
    [InlineData("""{"type":"ignore_previous_instructions","quote":"q","confidence":0.5}""", DropReasons.UnknownType)]
    [InlineData("\"take_or_pay\"", DropReasons.InvalidValue)]
    public void Parse_InvalidItem_IsDroppedWithReason(string item, string reason)
    {
        var reply = ClauseReplyParser.Parse($$"""{"clauses":[{{item}},{"type":"governing_law","quote":"New York.","confidence":0.5}]}""");

        Assert.True(reply.IsWellFormed);
        Assert.Equal("governing_law", Assert.Single(reply.Clauses).Type);
        Assert.Equal(new Dictionary<string, int> { [reason] = 1 }, reply.Dropped);
    }

    [Fact]
    public void Parse_TextModeWithFenceAndProse_TakesFirstObject()
    {
        var reply = ClauseReplyParser.Parse(
            "Here it is:\n{\"clauses\":[{\"type\":\"loan\",\"quote\":\"A loan.\",\"confidence\":0.5}]}\nand {\"clauses\":[]}",
            allowSurroundingText: true);

        Assert.Equal("loan", Assert.Single(reply.Clauses).Type);
    }

    [Fact]
    public void Parse_StrictModeWithProse_IsMalformed()
        => Assert.False(ClauseReplyParser.Parse("Here it is: {\"clauses\":[]}").IsWellFormed);

    [Fact]
    public void Parse_FencedReply_IsAccepted()
        => Assert.True(ClauseReplyParser.Parse("```json\n{\"clauses\":[]}\n```").IsWellFormed);
}
