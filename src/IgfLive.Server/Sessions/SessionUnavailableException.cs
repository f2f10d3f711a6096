namespace IgfLive.Server.Sessions;

/// <summary>The store could not be reached or kept refusing; the command was not applied.</summary>
public sealed class SessionUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
