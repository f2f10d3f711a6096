using IgfLive.Core.Stage;
using IgfLive.Server.Storage;

namespace IgfLive.Server.Tests.Storage;

/// <summary>Events stored by earlier releases still read, with what they did not record taking its default.</summary>
public sealed class EventJsonTests
{
    [Fact]
    public void AStageMessageStoredBeforeMessagesCouldBePinnedReadsAsUnpinned() =>
        Assert.Equal(
            new StageMessageSent("m1", "Please wrap up", false),
            EventJson.Deserialize("""{"type":"StageMessageSent","messageId":"m1","text":"Please wrap up"}"""));

    [Fact]
    public void APinnedStageMessageKeepsItsPin() =>
        Assert.Equal(
            new StageMessageSent("m2", "Microphone 2 is broken", true),
            EventJson.Deserialize(EventJson.Serialize(new StageMessageSent("m2", "Microphone 2 is broken", true))));
}
