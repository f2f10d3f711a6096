namespace IgfLive.Server.Tests.Json;

/// <summary>
/// The JSON the stores held before their serializer was source-generated, captured by writing
/// <see cref="JsonSamples"/> with the reflection-based settings of that release. Never regenerate
/// these from the current code: they are what data already on disk and in Redis looks like.
/// </summary>
internal static class StoredJsonLiterals
{
    /// <summary>Each of <see cref="JsonSamples.EveryKind"/>, in order, as the event payload both stores keep.</summary>
    public static IReadOnlyList<string> Events { get; } =
    [
        """{"type":"SessionCreated","definition":{"title":"Trust \u2014 \u00ABquoted\u00BB \u4FE1\u4EFB in the sharing economy","startsAt":"2017-12-19T15:00:00+01:00","timeZone":"Europe/Zurich","room":"Room XXIV - E","allowAnonymousQuestions":true,"thresholds":{"warning":"00:02:00","critical":"00:00:30","takeawaysLead":"00:05:00"},"speakers":[{"id":"xiao-zhang","name":"Xiao Zhang","organisation":"Didi","stakeholderGroup":"Private Sector","region":"Asia-Pacific"},{"id":"zhibin-hui","name":"Zhibin HUI","organisation":null,"stakeholderGroup":null,"region":null}],"segments":[{"title":"Opening","plannedDuration":"00:05:00","kind":"Opening","slots":[]},{"title":"Formal presentations","plannedDuration":"00:20:00","kind":"Presentations","slots":[{"speakerId":"xiao-zhang","plannedDuration":"00:06:00"},{"speakerId":"zhibin-hui","plannedDuration":"00:06:30"}]},{"title":"Audience questions","plannedDuration":"00:10:00","kind":"QuestionsAndAnswers","slots":[]}],"plannedDuration":"00:35:00","scheduledEnd":"2017-12-19T15:35:00+01:00"}}""",
        """{"type":"ClockStarted"}""",
        """{"type":"ClockPaused"}""",
        """{"type":"ClockResumed"}""",
        """{"type":"SegmentEntered","segment":1}""",
        """{"type":"SpeakerSlotEntered","slot":1}""",
        """{"type":"SegmentAdjusted","segment":1,"seconds":-90}""",
        """{"type":"SessionEnded"}""",
        """{"type":"CueRaised","cue":"Warning","segment":1}""",
        """{"type":"QuestionSubmitted","questionId":"q-1","text":"How should platforms share data with regulators \u2014 \u00ABnow\u00BB?","author":{"name":"Ana Silva","organisation":"NIC.br","stakeholderGroup":"Technical Community","isAnonymous":false},"participantId":"p-17","channel":"Online","addressedTo":"xiao-zhang","segment":1}""",
        """{"type":"QuestionSubmitted","questionId":"q-2","text":"Who is liable when a shared car crashes?","author":{"name":null,"organisation":null,"stakeholderGroup":null,"isAnonymous":true},"participantId":null,"channel":"Floor","addressedTo":null,"segment":1}""",
        """{"type":"QuestionApproved","questionId":"q-1"}""",
        """{"type":"QuestionRejected","questionId":"q-2","reason":"Off topic for this session","reasonCode":"off_topic"}""",
        """{"type":"QuestionRejected","questionId":"q-3","reason":"Please ask in the next session","reasonCode":null}""",
        """{"type":"QuestionEdited","questionId":"q-1","text":"How should platforms share data with regulators?"}""",
        """{"type":"QuestionMerged","questionId":"q-4","intoQuestionId":"q-1"}""",
        """{"type":"QuestionMoved","questionId":"q-1","position":0}""",
        """{"type":"QuestionForwarded","questionId":"q-1"}""",
        """{"type":"QuestionMadeLive","questionId":"q-1"}""",
        """{"type":"QuestionAnswered","questionId":"q-1"}""",
        """{"type":"QuestionWithdrawn","questionId":"q-5"}""",
        """{"type":"QuestionVoted","questionId":"q-1","participantId":"p-18"}""",
        """{"type":"QuestionUnvoted","questionId":"q-1","participantId":"p-18"}""",
        """{"type":"QuestionsClosed"}""",
        """{"type":"QuestionsOpened"}""",
        """{"type":"NoteAdded","noteId":"n-1","kind":"KeyTakeaway","text":"Trust is the currency of the sharing economy.","segment":1,"speakerId":"zhibin-hui","questionId":"q-1","sessionTime":"00:12:34.5000000","requestId":"rq-1"}""",
        """{"type":"NoteAdded","noteId":"n-2","kind":"Point","text":"Regulators need data.","segment":0,"speakerId":null,"questionId":null,"sessionTime":"00:00:00.0000001","requestId":null}""",
        """{"type":"NoteEdited","noteId":"n-1","kind":"Quote","text":"\u0022Trust is the currency.\u0022","segment":1,"speakerId":null}""",
        """{"type":"NoteDeleted","noteId":"n-2"}""",
        """{"type":"NoteRestored","noteId":"n-2"}""",
        """{"type":"StageMessageSent","messageId":"m-1","text":"Please wrap up \u2014 1 minute","pinned":false}""",
        """{"type":"StageMessageSent","messageId":"m-2","text":"Microphone 2 is broken","pinned":true}""",
        """{"type":"StageMessageAcknowledged","messageId":"m-1"}""",
        """{"type":"StageMessageCleared","messageId":"m-1"}""",
        """{"type":"RoleKeyRotated","role":"OnsiteModerator","keyHash":"hash-onsite-2"}""",
        """{"type":"SessionDeleted"}""",
        // Events added since the serializer was source-generated, as the release that added them writes them.
        """{"type":"SessionRescheduled","definition":{"title":"Trust \u2014 \u00ABquoted\u00BB \u4FE1\u4EFB in the sharing economy","startsAt":"2017-12-19T16:30:00+01:00","timeZone":"Europe/Zurich","room":"Room XXV","allowAnonymousQuestions":true,"thresholds":{"warning":"00:02:00","critical":"00:00:30","takeawaysLead":"00:05:00"},"speakers":[{"id":"xiao-zhang","name":"Xiao Zhang","organisation":"Didi","stakeholderGroup":"Private Sector","region":"Asia-Pacific"},{"id":"zhibin-hui","name":"Zhibin HUI","organisation":null,"stakeholderGroup":null,"region":null}],"segments":[{"title":"Opening","plannedDuration":"00:05:00","kind":"Opening","slots":[]},{"title":"Formal presentations","plannedDuration":"00:20:00","kind":"Presentations","slots":[{"speakerId":"xiao-zhang","plannedDuration":"00:06:00"},{"speakerId":"zhibin-hui","plannedDuration":"00:06:30"}]},{"title":"Audience questions","plannedDuration":"00:10:00","kind":"QuestionsAndAnswers","slots":[]}],"slot":"01:30:00","format":"Workshop","plannedDuration":"00:35:00","scheduledEnd":"2017-12-19T18:00:00+01:00"}}""",
    ];

    /// <summary>Redis list elements: events 1 and 11 of <see cref="JsonSamples.Log"/>, written by appends "append-1" and "append-2".</summary>
    public static IReadOnlyList<string> RedisEvents { get; } =
    [
        """{"seq":1,"at":"2017-12-19T15:00:00.0000001+01:00","appendId":"append-1","event":{"type":"SessionCreated","definition":{"title":"Trust \u2014 \u00ABquoted\u00BB \u4FE1\u4EFB in the sharing economy","startsAt":"2017-12-19T15:00:00+01:00","timeZone":"Europe/Zurich","room":"Room XXIV - E","allowAnonymousQuestions":true,"thresholds":{"warning":"00:02:00","critical":"00:00:30","takeawaysLead":"00:05:00"},"speakers":[{"id":"xiao-zhang","name":"Xiao Zhang","organisation":"Didi","stakeholderGroup":"Private Sector","region":"Asia-Pacific"},{"id":"zhibin-hui","name":"Zhibin HUI","organisation":null,"stakeholderGroup":null,"region":null}],"segments":[{"title":"Opening","plannedDuration":"00:05:00","kind":"Opening","slots":[]},{"title":"Formal presentations","plannedDuration":"00:20:00","kind":"Presentations","slots":[{"speakerId":"xiao-zhang","plannedDuration":"00:06:00"},{"speakerId":"zhibin-hui","plannedDuration":"00:06:30"}]},{"title":"Audience questions","plannedDuration":"00:10:00","kind":"QuestionsAndAnswers","slots":[]}],"plannedDuration":"00:35:00","scheduledEnd":"2017-12-19T15:35:00+01:00"}}}""",
        """{"seq":11,"at":"2017-12-19T14:11:52.3456781+00:00","appendId":"append-2","event":{"type":"NoteAdded","noteId":"n-1","kind":"KeyTakeaway","text":"Trust is the currency of the sharing economy.","segment":1,"speakerId":"zhibin-hui","questionId":"q-1","sessionTime":"00:12:34.5000000","requestId":"rq-1"}}""",
    ];

    /// <summary><see cref="JsonSamples.Record"/> as the Redis catalog keeps it in the session's meta hash.</summary>
    public const string RedisRecord = """{"id":"ws133","participantCode":"WS133X","keyHashes":{"OnlineModerator":"hash-online","OnsiteModerator":"hash-onsite","Rapporteur":"hash-rapporteur","Stage":"hash-stage"},"title":"Trust \u2014 \u00ABquoted\u00BB \u4FE1\u4EFB in the sharing economy","startsAt":"2017-12-19T15:00:00+01:00","timeZone":"Europe/Zurich","room":null,"createdAt":"2017-11-30T09:15:00.1234567+08:00"}""";

    /// <summary><see cref="JsonSamples.Record"/>'s key hashes as the SQLite catalog keeps them in their column.</summary>
    public const string SqliteKeyHashes = """{"OnlineModerator":"hash-online","OnsiteModerator":"hash-onsite","Rapporteur":"hash-rapporteur","Stage":"hash-stage"}""";

    /// <summary><see cref="JsonSamples.State"/> as a snapshot, version 21.</summary>
    public const string Snapshot = """{"format":3,"state":{"sessionId":"ws133","version":21,"definition":{"title":"Trust \u2014 \u00ABquoted\u00BB \u4FE1\u4EFB in the sharing economy","startsAt":"2017-12-19T15:00:00+01:00","timeZone":"Europe/Zurich","room":"Room XXIV - E","allowAnonymousQuestions":true,"thresholds":{"warning":"00:02:00","critical":"00:00:30","takeawaysLead":"00:05:00"},"speakers":[{"id":"xiao-zhang","name":"Xiao Zhang","organisation":"Didi","stakeholderGroup":"Private Sector","region":"Asia-Pacific"},{"id":"zhibin-hui","name":"Zhibin HUI","organisation":null,"stakeholderGroup":null,"region":null}],"segments":[{"title":"Opening","plannedDuration":"00:05:00","kind":"Opening","slots":[]},{"title":"Formal presentations","plannedDuration":"00:20:00","kind":"Presentations","slots":[{"speakerId":"xiao-zhang","plannedDuration":"00:06:00"},{"speakerId":"zhibin-hui","plannedDuration":"00:06:30"}]},{"title":"Audience questions","plannedDuration":"00:10:00","kind":"QuestionsAndAnswers","slots":[]}],"plannedDuration":"00:35:00","scheduledEnd":"2017-12-19T15:35:00+01:00"},"clock":{"status":"Paused","segment":1,"slot":1,"startedAt":"2017-12-19T14:01:11.2345679+00:00","endedAt":null,"runningSince":null,"slotStartElapsed":"00:07:07.4074068","segments":[{"actualStart":"2017-12-19T14:01:11.2345679+00:00","actualEnd":"2017-12-19T19:32:22.4691357+05:30","elapsed":"00:01:11.2345678","adjustmentSeconds":0},{"actualStart":"2017-12-19T19:32:22.4691357+05:30","actualEnd":null,"elapsed":"00:21:22.2222204","adjustmentSeconds":-90},{"actualStart":null,"actualEnd":null,"elapsed":"00:00:00","adjustmentSeconds":0}]},"questions":{"q-1":{"id":"q-1","text":"How should platforms share data with regulators?","originalText":"How should platforms share data with regulators \u2014 \u00ABnow\u00BB?","author":{"name":"Ana Silva","organisation":"NIC.br","stakeholderGroup":"Technical Community","isAnonymous":false},"participantId":"p-17","channel":"Online","addressedTo":"xiao-zhang","segment":1,"status":"Live","submittedAt":"2017-12-19T15:03:33.7037035+01:00","voters":["p-18"],"rejectionReason":null,"rejectionCode":null,"mergedInto":null,"approvedAt":"2017-12-19T19:35:56.1728391+05:30","liveAt":"2017-12-19T15:10:41.1111103+01:00","answeredAt":null,"votes":1}},"onlineQueue":[],"onsiteQueue":[],"liveQuestionId":"q-1","notes":{"n-1":{"id":"n-1","kind":"Quote","text":"\u0022Trust is the currency.\u0022","segment":1,"speakerId":null,"questionId":"q-1","sessionTime":"00:12:34.5000000","createdAt":"2017-12-19T14:11:52.3456781+00:00","editedAt":"2017-12-19T19:43:03.5802459+05:30","deleted":false,"requestId":"rq-1"}},"stageMessage":{"id":"m-1","text":"Please wrap up \u2014 1 minute","sentAt":"2017-12-19T15:17:48.5185171+01:00","acknowledgedAt":"2017-12-19T14:18:59.7530849+00:00","pinned":true},"stageMessagesSent":1,"raisedCues":[{"cue":"Takeaways","segment":-1},{"cue":"Warning","segment":1}],"rotatedKeyHashes":{"OnsiteModerator":"hash-onsite-2","Stage":"hash-stage-2"},"deleted":false,"questionsOpen":false}}""";
}
