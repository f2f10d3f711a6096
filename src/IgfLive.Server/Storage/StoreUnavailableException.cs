namespace IgfLive.Server.Storage;

/// <summary>
/// The store could not be reached in time (or its circuit is open). Whatever was asked was either
/// not done, or, for an append, not confirmed either way; the message says which.
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
