using IgfLive.Core.Agenda;

namespace IgfLive.Server.Endpoints;

/// <summary>POST /api/agenda/parse: a preview of what the agenda parser reads in pasted proposal text.</summary>
public static class AgendaEndpoints
{
    public const int MaxAgendaBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapAgendaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/agenda/parse", ParseAsync)
            .WithName("ParseAgenda")
            .Accepts<string>("text/plain");
        return app;
    }

    public static async Task<IResult> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await BodyReader.ReadTextAsync(request, MaxAgendaBytes, cancellationToken);
        if (text is null)
        {
            return Problems.Of(StatusCodes.Status413PayloadTooLarge, "too_large", $"The agenda text is larger than {MaxAgendaBytes / 1024} KiB.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problems.Of(StatusCodes.Status400BadRequest, "invalid_input", "The agenda text is empty; paste the agenda paragraph of the proposal as the request body.");
        }
        return TypedResults.Ok(AgendaPreview.Of(AgendaParser.Parse(text)));
    }
}
