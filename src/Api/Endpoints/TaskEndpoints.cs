using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Security;
using Governance.Api.Validation;
using Governance.Contracts.Errors;
using Governance.Contracts.Tasks;
using Governance.Domain.Identifiers;
using TaskStatus = Governance.Contracts.Tasks.TaskStatus;

namespace Governance.Api.Endpoints;

/// <summary>
/// Tasks and suggested assignment. Every action is the caller's own: the member who claims, reports, completes,
/// reviews, accepts or declines is the one signed in, so these paths name no member.
/// </summary>
public static class TaskEndpoints
{
    /// <summary>
    /// The path segment of the suggestions, which is therefore no task's id in any case: routing matches literal
    /// segments ignoring case, so a task "Suggestions" could be created but never read.
    /// </summary>
    private const string Suggestions = "suggestions";

    public static void MapTaskEndpoints(this RouteGroupBuilder v1)
    {
        var tasks = v1.MapGroup("/cooperatives/{cooperativeId}/tasks").WithTags("Tasks")
            .ProducesProblem(StatusCodes.Status404NotFound);

        tasks.MapPost("/", async (string cooperativeId, CreateTaskRequest request, ClaimsPrincipal user, GrainReferences grains) =>
        {
            var id = request.Id ?? ResourceId.New();
            if (string.Equals(id, Suggestions, StringComparison.OrdinalIgnoreCase))
            {
                throw new GovernanceException(ErrorKind.Invalid, "invalid-id", $"'{id}' is the path of the suggestions in any letter case, so no task may have it.", "id");
            }

            var link = request.Link is { } given ? new TaskLinkView(given.ProposalId, given.PollId, given.ItemId) : null;
            var command = new CreateTaskCommand(
                id, request.Title, request.Description, request.RequiredSkills, request.EffortHours, request.DueAt, link, user.RequireMemberId());
            var task = await grains.TaskBoard(cooperativeId).CreateTask(command);
            return TypedResults.Created($"/v1/cooperatives/{cooperativeId}/tasks/{task.Id}", task);
        }).RequireAccess(Access.Member).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateTask")
            .WithSummary("Create a task")
            .WithDescription("Creates an open task, with its required skills, effort, optional due date and link, for members to volunteer for.");

        tasks.MapGet("/", (string cooperativeId, string? status, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.TaskBoard(cooperativeId).ListTasks(QueryEnum.Parse<TaskStatus>(status, "status", "invalid-status"), cursor, pages.Limit(limit)))
            .RequireAccess(Access.Reader)
            .WithName("ListTasks")
            .WithSummary("List the tasks")
            .WithDescription("Tasks by id, paged, optionally by status; changes nothing.");

        tasks.MapGet("/" + Suggestions, (string cooperativeId, GrainReferences grains) =>
            grains.TaskBoard(cooperativeId).GetSuggestions())
            .RequireAccess(Access.Reader)
            .WithName("ListTaskSuggestions")
            .WithSummary("Suggested assignments")
            .WithDescription("Who could take which open task, from skills, free hours and priority; a suggestion, never an assignment. Changes nothing.");

        tasks.MapGet("/{taskId}", (string cooperativeId, string taskId, GrainReferences grains) =>
            grains.Task(cooperativeId, taskId).Get())
            .RequireAccess(Access.Reader)
            .WithName("GetTask")
            .WithSummary("Read a task")
            .WithDescription("The task, its status and who holds it; changes nothing.");

        tasks.MapGet("/{taskId}/events", (string cooperativeId, string taskId, string? cursor, int? limit, PageRequests pages, GrainReferences grains) =>
            grains.Task(cooperativeId, taskId).ListEvents(cursor, pages.Limit(limit)))
            .RequireAccess(Access.Reader)
            .WithName("ListTaskEvents")
            .WithSummary("A task's history")
            .WithDescription("Every step of the task in order, paged; changes nothing.");

        tasks.MapPost("/{taskId}/claim", (string cooperativeId, string taskId, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Task(cooperativeId, taskId).Claim(user.RequireMemberId()))
            .RequireAccess(Access.Member)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ClaimTask")
            .WithSummary("Volunteer for a task")
            .WithDescription("The caller takes the open task; the claim lapses when no progress comes within the claim timeout.");

        tasks.MapPost("/{taskId}/progress", (string cooperativeId, string taskId, TaskNoteRequest? request, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Task(cooperativeId, taskId).PostProgress(user.RequireMemberId(), request?.Note))
            .RequireAccess(Access.Member)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReportTaskProgress")
            .WithSummary("Report progress")
            .WithDescription("The holder notes progress, which renews the claim.");

        tasks.MapPost("/{taskId}/release", (string cooperativeId, string taskId, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Task(cooperativeId, taskId).Release(user.RequireMemberId()))
            .RequireAccess(Access.Member)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReleaseTask")
            .WithSummary("Give a task back")
            .WithDescription("The holder releases the task, which is open again.");

        tasks.MapPost("/{taskId}/complete", (string cooperativeId, string taskId, TaskNoteRequest? request, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Task(cooperativeId, taskId).Complete(user.RequireMemberId(), request?.Note))
            .RequireAccess(Access.Member)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CompleteTask")
            .WithSummary("Complete a task")
            .WithDescription("The holder marks the task done; another member reviews it.");

        tasks.MapPost("/{taskId}/review", (string cooperativeId, string taskId, ReviewTaskRequest request, ClaimsPrincipal user, GrainReferences grains) =>
            grains.Task(cooperativeId, taskId).Review(
                user.RequireMemberId(),
                request.Approved ?? throw new GovernanceException(ErrorKind.Invalid, "invalid-review", "'approved' is required: true or false.", "approved"),
                request.Note))
            .RequireAccess(Access.Member)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReviewTask")
            .WithSummary("Review a completed task")
            .WithDescription("Another member approves the work, or sends it back to its holder.");

        tasks.MapPost("/{taskId}/suggestion/accept", (string cooperativeId, string taskId, ClaimsPrincipal user, GrainReferences grains) =>
            grains.TaskBoard(cooperativeId).AcceptSuggestion(taskId, user.RequireMemberId()))
            .RequireAccess(Access.Member)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AcceptTaskSuggestion")
            .WithSummary("Accept a suggested task")
            .WithDescription("The member the task is suggested to takes it, as by a claim.");

        tasks.MapPost("/{taskId}/suggestion/decline", async (string cooperativeId, string taskId, ClaimsPrincipal user, GrainReferences grains) =>
        {
            await grains.TaskBoard(cooperativeId).DeclineSuggestion(taskId, user.RequireMemberId());
            return TypedResults.NoContent();
        }).RequireAccess(Access.Member).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DeclineTaskSuggestion")
            .WithSummary("Decline a suggested task")
            .WithDescription("The task is no longer suggested to the caller.");
    }
}
