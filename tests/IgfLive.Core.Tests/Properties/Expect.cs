namespace IgfLive.Core.Tests.Properties;

/// <summary>Checks run at every step of thousands of scripts, so a message is only worked out when one fails.</summary>
public static class Expect
{
    public static void That(bool condition, Func<string> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!condition)
        {
            Assert.Fail(message());
        }
    }
}
