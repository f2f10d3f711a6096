using IgfLive.Core.Agenda;

namespace IgfLive.Core.Tests.Agenda;

public sealed class SegmentKindsTests
{
    [Theory]
    [InlineData("The moderator will open the session by welcoming participants", SegmentKind.Opening)]
    [InlineData("Formal Presentations from some panelists.", SegmentKind.Presentations)]
    [InlineData("the moderator will engage the panelists in a lively conversation", SegmentKind.Discussion)]
    [InlineData("the moderator will invite the audience to pose brief questions", SegmentKind.QuestionsAndAnswers)]
    [InlineData("share the top takeaways from the discussion and bring the session to a close", SegmentKind.Takeaways)]
    [InlineData("Coffee", SegmentKind.Other)]
    public void KindIsInferredFromTheProposalWording(string text, SegmentKind expected)
        => Assert.Equal(expected, SegmentKinds.Infer(text));
}
