namespace IgfLive.Core.Agenda;

/// <summary>Time each speaker gets within a segment, as written in the agenda ("5-6 minutes each").</summary>
/// <param name="MinMinutes">Lower end of the slot; equal to <paramref name="MaxMinutes"/> for a single value.</param>
/// <param name="MaxMinutes">Upper end of the slot.</param>
/// <param name="Speakers">Number of speakers when the line states it ("6 speakers"), otherwise null.</param>
public sealed record PerSpeakerRange(int MinMinutes, int MaxMinutes, int? Speakers);
