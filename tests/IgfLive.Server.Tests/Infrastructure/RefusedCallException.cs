using IgfLive.Server.Contracts;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>A hub call a test expected to succeed was refused; carries the reply's error.</summary>
public sealed class RefusedCallException(string method, HubError error) : Exception($"{method} was refused: {error.Code}: {error.Message}")
{
    public HubError Error { get; } = error;
}
