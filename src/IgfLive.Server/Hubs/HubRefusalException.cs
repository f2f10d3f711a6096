namespace IgfLive.Server.Hubs;

/// <summary>
/// A hub call refused with one of <see cref="HubErrors"/>' codes. Thrown wherever the refusal is
/// decided; <see cref="HubGuardFilter"/> alone turns it into the reply the client reads.
/// </summary>
public sealed class HubRefusalException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
