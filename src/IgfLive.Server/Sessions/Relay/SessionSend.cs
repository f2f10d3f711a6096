namespace IgfLive.Server.Sessions.Relay;

/// <summary>One client call to a group of a session's connections: <c>Group</c> receives <c>Method(Argument)</c>.</summary>
/// <param name="Group">The group's name, one of <see cref="SessionBroadcaster"/>'s for the session.</param>
/// <param name="Method">A method of <see cref="Hubs.ISessionClient"/>.</param>
/// <param name="Argument">Its one argument, as the JSON hub protocol will write it.</param>
public sealed record SessionSend(string Group, string Method, object Argument);
