using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Requests;

namespace Governance.Api.Endpoints;

/// <summary>
/// What members offer for tasks, and the recognition their work earns. Skills and hours belong to the person and
/// apply in each of their cooperatives; contributions are counted per cooperative and never weigh in votes.
/// </summary>
public static class VolunteerEndpoints
{
    public static void MapVolunteerEndpoints(this RouteGroupBuilder v1)
    {
        var members = v1.MapGroup("/cooperatives/{cooperativeId}/members/{memberId}").WithTags("Tasks")
            .ProducesProblem(StatusCodes.Status404NotFound);

        members.MapPut("/availability", (string memberId, SetAvailabilityRequest request, GrainReferences grains) =>
            grains.Person(memberId).SetAvailability(request.Skills, request.WeeklyCapacityHours))
            .RequireAccess(Access.Self)
            .WithName("SetAvailability")
            .WithSummary("Set your availability")
            .WithDescription("Sets the member's skills and weekly hours, which suggestions use.");

        members.MapGet("/availability", async (string cooperativeId, string memberId, GrainReferences grains) =>
        {
            // The person is asked only once the cooperative confirms the member, so nobody else's availability shows here.
            await grains.Cooperative(cooperativeId).GetMember(memberId);
            return await grains.Person(memberId).GetAvailability();
        }).RequireAccess(Access.Reader)
            .WithName("GetAvailability")
            .WithSummary("Read a member's availability")
            .WithDescription("Their skills and weekly hours; changes nothing.");

        members.MapGet("/contributions", async (string cooperativeId, string memberId, GrainReferences grains) =>
        {
            await grains.Cooperative(cooperativeId).GetMember(memberId);
            return await grains.TaskBoard(cooperativeId).GetContributions(memberId);
        }).RequireAccess(Access.Reader)
            .WithName("GetContributions")
            .WithSummary("A member's contributions")
            .WithDescription("Tasks done, their effort hours, and reviews given; changes nothing.");
    }
}
