using IgfLive.Server.Storage;

namespace IgfLive.Server.Sessions;

/// <summary>How the session layer calls the store: whatever goes wrong there reaches callers as one exception, <see cref="SessionUnavailableException"/>.</summary>
internal static class StoreCalls
{
    public static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            // The store's own message says whether the change is known not to have happened.
            throw new SessionUnavailableException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ArgumentException and not SessionUnavailableException)
        {
            throw new SessionUnavailableException("The session store is unavailable; nothing was changed. Try again shortly.", ex);
        }
    }
}
