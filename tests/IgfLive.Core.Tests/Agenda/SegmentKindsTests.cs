using IgfLive.Core.Agenda;

namespace IgfLive.Core.Tests.Agenda;

public sealed class SegmentKindsTests
{
    [Theory]
    [InlineData("The moderator will open the session by welcoming participants, framing the topic, briefly introducing panelists and mentioning their commitment in the discussion.", SegmentKind.Opening)]
    [InlineData("Formal Presentations from some panelists.", SegmentKind.Presentations)]
    [InlineData("After presentation, the moderator will engage the panelists in a lively conversation to get their perspectives on the questions as outlined below.", SegmentKind.Discussion)]
    [InlineData("The moderator will elicit what panelists found most insightful from the discussion, and build on them by asking questions to create a dynamic flow of interaction among the panelists.", SegmentKind.Discussion)]
    [InlineData("the moderator will invite the audience to pose brief questions to the panelists, asking audience members to identify themselves.", SegmentKind.QuestionsAndAnswers)]
    [InlineData("With 5 minutes left, the moderator will share the top takeaways from the discussion and bring the session to a close.", SegmentKind.Takeaways)]
    [InlineData("Coffee", SegmentKind.Other)]
    public void KindIsInferredFromTheProposalWording(string text, SegmentKind expected)
        => Assert.Equal(expected, SegmentKinds.Infer(text));
}
