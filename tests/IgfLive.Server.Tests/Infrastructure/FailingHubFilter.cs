using Microsoft.AspNetCore.SignalR;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>
/// A hub filter that runs inside the server's own and, when told, makes the next call of one hub
/// method throw: a failure the server does not expect, raised where a bug in a hub method would be.
/// </summary>
public sealed class FailingHubFilter : IHubFilter
{
    private readonly Lock _gate = new();
    private (string Method, Exception Failure)? _armed;

    public void FailNext(string method, Exception failure)
    {
        lock (_gate)
        {
            _armed = (method, failure);
        }
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        lock (_gate)
        {
            if (_armed is { } armed && armed.Method == invocationContext.HubMethodName)
            {
                _armed = null;
                throw armed.Failure;
            }
        }
        return next(invocationContext);
    }
}
