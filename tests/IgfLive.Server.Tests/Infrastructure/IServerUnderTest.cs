namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>Anything that serves IgfLive at an address: the in-process test server or a server process.</summary>
public interface IServerUnderTest
{
    Uri Address { get; }

    HttpClient CreateHttpClient(string? bearer = TestServer.OrganiserKey);
}
