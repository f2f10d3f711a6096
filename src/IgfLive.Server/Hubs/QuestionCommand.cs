using IgfLive.Core.Questions;
using IgfLive.Core.Sessions;
using IgfLive.Server.Contracts;

namespace IgfLive.Server.Hubs;

/// <summary>A command that acts on one question: its wire name, the lifecycle step it takes, and who may send it.</summary>
/// <param name="Name">The hub method, as staff find it in a question's <see cref="QuestionDto.Actions"/>.</param>
/// <param name="Action">The step of <see cref="QuestionTransitions"/> it takes, which says from which statuses it may be sent.</param>
/// <param name="Roles">The roles the hub lets send it.</param>
/// <param name="Only">When set, the one status these roles may send it from (of those the lifecycle allows).</param>
public sealed record QuestionCommand(string Name, QuestionAction Action, IReadOnlyList<SessionRole> Roles, QuestionStatus? Only = null);
