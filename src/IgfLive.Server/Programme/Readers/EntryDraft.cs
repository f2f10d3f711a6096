using IgfLive.Core.Programme;

namespace IgfLive.Server.Programme.Readers;

/// <summary>
/// One entry as a reader found it, before the checks every format shares: what the reader could not
/// read is null, with the reason in <see cref="Problems"/>.
/// </summary>
public sealed class EntryDraft(int line)
{
    public int Line { get; } = line;

    public string? ExternalId { get; set; }

    public string? Title { get; set; }

    public DateTimeOffset? StartsAt { get; set; }

    public TimeSpan? Duration { get; set; }

    public string? Room { get; set; }

    public string? Format { get; set; }

    public List<ProgrammePerson> People { get; } = [];

    public string? AgendaText { get; set; }

    /// <summary>What is wrong with the entry, one sentence each; the entry is an error when any is here.</summary>
    public List<string> Problems { get; } = [];
}
