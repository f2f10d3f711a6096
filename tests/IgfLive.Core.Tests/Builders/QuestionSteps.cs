using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;

namespace IgfLive.Core.Tests.Builders;

/// <summary>Short ways to put questions where a test needs them.</summary>
public static class QuestionSteps
{
    public static readonly QuestionAuthor Amina = new("Amina Diallo", "Youth IGF Senegal", "Civil Society");

    /// <summary>A participant asks online; returns the new question's id.</summary>
    public static string Ask(this Session session, string participantId, string text = "How do we fund community networks?", QuestionAuthor? author = null)
    {
        var events = session.Do(new SubmitQuestion(text, author ?? Amina, participantId, null));
        return Assert.IsType<QuestionSubmitted>(events[0]).QuestionId;
    }

    /// <summary>A moderator records a question (approved at once); returns its id.</summary>
    public static string Record(this Session session, QuestionChannel channel, string text = "What about rural schools?")
    {
        var events = session.Do(new RecordQuestion(text, new QuestionAuthor("Jean Dupont", null, "Technical Community"), channel, null));
        return Assert.IsType<QuestionSubmitted>(events[0]).QuestionId;
    }

    public static string AskApproved(this Session session, string participantId, string text = "How do we fund community networks?")
    {
        var id = session.Ask(participantId, text);
        session.Do(new ApproveQuestion(id));
        return id;
    }

    public static string AskForwarded(this Session session, string participantId)
    {
        var id = session.AskApproved(participantId);
        session.Do(new ForwardQuestion(id));
        return id;
    }

    /// <summary>Forwards a question recorded from the given channel; returns its id.</summary>
    public static string Forwarded(this Session session, QuestionChannel channel)
    {
        var id = session.Record(channel);
        session.Do(new ForwardQuestion(id));
        return id;
    }

    /// <summary>Makes a forwarded question live and answers it after the given time.</summary>
    public static void AnswerAfter(this Session session, string id, TimeSpan taking)
    {
        session.Do(new MakeQuestionLive(id));
        session.Advance(taking);
        session.Do(new MarkQuestionAnswered(id));
    }
}
