using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>One session's activity in the day scenario, at a set number of commands per second.</summary>
internal sealed class DaySession(SessionRun session, Harness harness, LatencyLog acks, LatencyLog participantAcks, LatencyLog moderatorAcks, Random random)
{
    private readonly ModeratorDriver _moderator = new(session, moderatorAcks, harness);
    private readonly ModeratorDriver _asker = new(session, participantAcks, harness);
    private readonly Queue<string> _submitted = new();
    private readonly List<(string Id, Person Author)> _approved = [];
    private readonly Dictionary<string, Person> _authors = [];
    private long _intendedAt;

    public int Commands => _moderator.Commands + _asker.Commands;

    public int Errors => _moderator.Errors + _asker.Errors;

    /// <summary>Calls <paramref name="handler"/> with the hub method's name after each command the server accepted.</summary>
    public void OnAcknowledged(Action<string> handler)
    {
        _moderator.Acknowledged = handler;
        _asker.Acknowledged = handler;
    }

    public async Task RunAsync(double perSecond, TimeSpan duration)
    {
        // Sessions start out of step, as real ones do.
        await Task.Delay(TimeSpan.FromSeconds(random.NextDouble() / perSecond));
        var began = Stopwatch.GetTimestamp();
        for (long i = 0; ; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due >= duration)
            {
                return;
            }
            var wait = due - Stopwatch.GetElapsedTime(began);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var started = Stopwatch.GetTimestamp();
            _intendedAt = began + (long)(due.TotalSeconds * Stopwatch.Frequency);
            var acted = (i % 5) switch
            {
                0 => await SubmitAsync(),
                1 => await ApproveAsync(),
                2 or 4 => await VoteAsync(),
                _ => await ModerateAsync(),
            };
            if (acted)
            {
                acks.AddSince(started);
            }
        }
    }

    private Person? AnyParticipant()
    {
        var people = session.People.Where(p => p.Connection is { IsOpen: true }).ToList();
        return people.Count == 0 ? null : people[random.Next(people.Count)];
    }

    private async Task<bool> SubmitAsync()
    {
        if (AnyParticipant() is not { } person)
        {
            return false;
        }
        var completion = await _asker.RunAsync(person.Connection!, "SubmitQuestion", w =>
        {
            w.WriteStartObject();
            w.WriteString("text", "What does this mean for small and medium enterprises in developing regions?");
            w.WriteString("name", "Participant");
            w.WriteString("stakeholderGroup", "Civil Society");
            w.WriteEndObject();
        }, _intendedAt);
        if (completion?.Id is { } id)
        {
            _submitted.Enqueue(id);
            _authors[id] = person;
        }
        return completion is not null;
    }

    private async Task<bool> ApproveAsync()
    {
        if (!_submitted.TryDequeue(out var id))
        {
            return await ModerateAsync();
        }
        var completion = await _moderator.RunAsync(session.Online, "ApproveQuestion", w => w.WriteStringValue(id), _intendedAt);
        if (completion is not null)
        {
            _approved.Add((id, _authors[id]));
        }
        return completion is not null;
    }

    private async Task<bool> VoteAsync()
    {
        if (_approved.Count == 0)
        {
            return await SubmitAsync();
        }
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var (id, author) = _approved[random.Next(_approved.Count)];
            if (AnyParticipant() is not { } voter || voter == author || !(voter.Voted ??= []).Add(id))
            {
                continue;
            }
            return await _asker.RunAsync(voter.Connection!, "VoteQuestion", w => w.WriteStringValue(id), _intendedAt) is not null;
        }
        return false;
    }

    private async Task<bool> ModerateAsync()
    {
        var (commands, errors) = (_moderator.Commands, _moderator.Errors);
        await _moderator.StepAsync(_intendedAt);
        return _moderator.Commands > commands && _moderator.Errors == errors;
    }
}
