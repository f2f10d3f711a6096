using System.Globalization;
using System.Text;
using IgfLive.Core.Clock;
using IgfLive.Core.Notes;
using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Reports;

/// <summary>
/// The session report in the shape the IGF asks of session organisers: key takeaways, calls to
/// action, a summary per segment, the questions asked and answered, timings and participation.
/// Pure: built from the session state, the peak presence and an instant.
/// </summary>
public static class SessionReport
{
    public static string Write(SessionState state, int peakOnline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var definition = state.Definition;
        var zone = Zone(definition.TimeZone);
        var view = ClockEvaluator.Evaluate(state, now);
        var notes = state.Notes.Values.Where(n => !n.Deleted).OrderBy(n => n.SessionTime).ThenBy(n => n.CreatedAt).ToList();
        var questions = state.Questions.Values.OrderBy(q => q.SubmittedAt).ThenBy(q => q.Id.Length).ThenBy(q => q.Id, StringComparer.Ordinal).ToList();
        var md = new StringBuilder();

        md.Append("# ").AppendLine(Markdown.Heading(definition.Title)).AppendLine();
        var start = TimeZoneInfo.ConvertTime(definition.StartsAt, zone);
        md.Append(Inv($"{start:dddd d MMMM yyyy}, {start:HH:mm}–{TimeZoneInfo.ConvertTime(definition.ScheduledEnd, zone):HH:mm} ({Markdown.Inline(definition.TimeZone)})"));
        if (definition.Room is { } room)
        {
            md.Append(" · ").Append(Markdown.Inline(room));
        }
        md.AppendLine().AppendLine();

        md.AppendLine("## Session at a glance").AppendLine();
        md.AppendLine(Inv($"- Status: {Status(view.Status)}"));
        if (state.Clock.StartedAt is { } started)
        {
            var end = state.Clock.EndedAt is { } ended ? Inv($"{TimeZoneInfo.ConvertTime(ended, zone):HH:mm}") : "still running";
            md.AppendLine(Inv($"- Actual: {TimeZoneInfo.ConvertTime(started, zone):HH:mm}–{end}; {Drift(view.Drift)}"));
        }
        md.AppendLine(Inv($"- Participation: peak of {peakOnline} participants online at once"));
        var asked = questions.Where(q => q.Status != QuestionStatus.Withdrawn).ToList();
        md.AppendLine(Inv($"- Questions: {asked.Count} asked ({asked.Count(q => q.Channel == QuestionChannel.Online)} online, {asked.Count(q => q.Channel == QuestionChannel.Floor)} from the floor), {asked.Count(q => q.Status == QuestionStatus.Answered)} answered"));
        md.AppendLine();

        NoteList(md, "Key takeaways", notes.Where(n => n.Kind == NoteKind.KeyTakeaway), definition);
        NoteList(md, "Calls to action", notes.Where(n => n.Kind == NoteKind.CallToAction), definition);

        md.AppendLine("## Summary per segment").AppendLine();
        for (var i = 0; i < definition.Segments.Count; i++)
        {
            var segment = definition.Segments[i];
            var report = view.Segments[i];
            md.AppendLine(Inv($"### {i + 1}. {Markdown.Inline(segment.Title)} ({Minutes(report.Planned)} planned, {Duration(report.Elapsed)} actual)")).AppendLine();
            var points = notes.Where(n => n.Segment == i && n.Kind is NoteKind.Point or NoteKind.Quote).ToList();
            if (points.Count == 0)
            {
                md.AppendLine("_No notes for this segment._");
            }
            foreach (var note in points)
            {
                md.AppendLine(NoteLine(note, definition));
            }
            md.AppendLine();
        }

        md.AppendLine("## Questions asked").AppendLine();
        if (asked.Count == 0)
        {
            md.AppendLine("_No questions were asked._").AppendLine();
        }
        else
        {
            md.AppendLine("| # | Question | Asked by | Channel | Votes | Outcome |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var q in asked.OrderByDescending(q => q.Status == QuestionStatus.Answered).ThenByDescending(q => q.Votes))
            {
                md.AppendLine(Inv($"| {Markdown.Inline(q.Id)} | {Markdown.Inline(q.Text)} | {Markdown.Inline(Asker(q))} | {q.Channel} | {q.Votes} | {Outcome(q)} |"));
            }
            md.AppendLine();
        }

        md.AppendLine("## Timings").AppendLine();
        md.AppendLine("| Segment | Planned | Adjusted | Started | Ended | Ran for |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in view.Segments)
        {
            md.AppendLine(Inv($"| {s.Index + 1}. {Markdown.Inline(s.Title)} | {Minutes(s.Planned)} | {Minutes(s.Adjusted)} | {Time(s.ActualStart, zone)} | {Time(s.ActualEnd, zone)} | {Duration(s.Elapsed)} |"));
        }
        md.AppendLine();
        return md.ToString();
    }

    private static void NoteList(StringBuilder md, string heading, IEnumerable<Note> notes, SessionDefinition definition)
    {
        md.Append("## ").AppendLine(heading).AppendLine();
        var any = false;
        foreach (var note in notes)
        {
            md.AppendLine(NoteLine(note, definition));
            any = true;
        }
        if (!any)
        {
            md.AppendLine("_None recorded._");
        }
        md.AppendLine();
    }

    private static string NoteLine(Note note, SessionDefinition definition)
    {
        var speaker = definition.Speakers.FirstOrDefault(s => s.Id == note.SpeakerId);
        var by = speaker is null ? string.Empty : $" — {Markdown.Inline(speaker.Name)}";
        var text = note.Kind == NoteKind.Quote ? $"“{Markdown.Text(note.Text, atLineStart: false)}”" : Markdown.Text(note.Text);
        return $"- {text}{by}";
    }

    private static string Asker(Question q)
    {
        if (q.Author.IsAnonymous)
        {
            return "anonymous";
        }
        var parts = new[] { q.Author.Name, q.Author.Organisation, q.Author.StakeholderGroup }.Where(p => !string.IsNullOrWhiteSpace(p));
        return string.Join(", ", parts);
    }

    private static string Outcome(Question q) => q.Status switch
    {
        QuestionStatus.Answered => "answered",
        QuestionStatus.Live => "being answered",
        QuestionStatus.Rejected => "not taken",
        QuestionStatus.Merged => $"merged into {Markdown.Inline(q.MergedInto)}",
        QuestionStatus.Forwarded => "in the room's queue",
        QuestionStatus.Approved => "in the online queue",
        _ => "awaiting moderation",
    };

    private static string Status(ClockStatus status) => status switch
    {
        ClockStatus.NotStarted => "not started",
        ClockStatus.Running => "running",
        ClockStatus.Paused => "paused",
        _ => "ended",
    };

    private static string Drift(TimeSpan drift) => Math.Abs(drift.TotalSeconds) < 60
        ? "on time"
        : drift > TimeSpan.Zero ? $"{Duration(drift)} over the scheduled end" : $"{Duration(-drift)} before the scheduled end";

    private static string Minutes(TimeSpan t) => Inv($"{t.TotalMinutes:0.#} min");

    private static string Duration(TimeSpan t)
    {
        var sign = t < TimeSpan.Zero ? "-" : string.Empty;
        t = t.Duration();
        return Inv($"{sign}{(int)t.TotalMinutes}:{t.Seconds:00}");
    }

    private static string Time(DateTimeOffset? at, TimeZoneInfo zone) => at is { } value ? Inv($"{TimeZoneInfo.ConvertTime(value, zone):HH:mm:ss}") : "—";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The session's zone; validated when the session was created, UTC if the system lost it since.</summary>
    internal static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
