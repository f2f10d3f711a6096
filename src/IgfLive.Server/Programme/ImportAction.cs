namespace IgfLive.Server.Programme;

/// <summary>What an import does to one session of the event.</summary>
public enum ImportAction
{
    /// <summary>New in the file: a session is made for it.</summary>
    Create,

    /// <summary>In the file with a changed time, room, title, format, people or agenda, and not started: it is changed, keeping its questions, notes and keys.</summary>
    Update,

    /// <summary>In the file as it is in the programme.</summary>
    Unchanged,

    /// <summary>Changed in the file but already started: left as it is, with a warning.</summary>
    KeptStarted,

    /// <summary>Not in the file and not started: it is removed from the programme and deleted.</summary>
    Remove,

    /// <summary>Not in the file but already started: it stays, with a warning.</summary>
    KeptMissing,
}
