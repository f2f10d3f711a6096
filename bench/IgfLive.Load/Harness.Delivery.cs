using System.Diagnostics;

namespace IgfLive.Load;

/// <summary>Whether every client heard every event: waiting for the stragglers, and counting what was lost or heard twice.</summary>
internal sealed partial class Harness
{
    /// <summary>Waits until every non-slow client of the sessions has every event through the last one acknowledged.</summary>
    public static async Task<bool> WaitForDeliveryAsync(IEnumerable<SessionRun> sessions, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var list = sessions.ToList();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (list.All(s => s.Trackers().Where(t => !t.Slow).All(t => t.HasAll(s.Board.LastAcked))))
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Lost and duplicated events over all non-slow clients of the sessions, through each session's last event.</summary>
    public void Delivery(IEnumerable<SessionRun> sessions, string prefix = "")
    {
        long lost = 0, duplicated = 0, overlaps = 0, clientsMissing = 0, events = 0, messages = 0, bytes = 0;
        foreach (var session in sessions)
        {
            var through = Math.Max(session.Board.LastAcked, session.Board.MaxSeq);
            foreach (var tracker in session.Trackers().Where(t => !t.Slow))
            {
                var missing = tracker.Missing(through);
                lost += missing;
                clientsMissing += missing > 0 ? 1 : 0;
                duplicated += tracker.Duplicates;
                overlaps += tracker.Overlaps;
                events += tracker.Events;
                if (tracker.IsParticipant)
                {
                    messages += tracker.SingleEventMessages;
                    bytes += tracker.SingleEventBytes;
                }
            }
        }
        Metrics[prefix + "lost"] = lost;
        Metrics[prefix + "duplicated"] = duplicated;
        Metrics[prefix + "replay_overlap"] = overlaps;
        Metrics[prefix + "clients_missing_events"] = clientsMissing;
        Metrics[prefix + "events_received"] = events;
        if (messages > 0)
        {
            // IgfLive puts broadcasts that queued up into one message: the size of one event is that of a message carrying one.
            Metrics[prefix + "participant_single_event_message_bytes"] = Math.Round((double)bytes / messages);
        }
    }
}
