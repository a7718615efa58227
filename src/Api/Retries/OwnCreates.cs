using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Api.Responses;
using Governance.Api.Security;
using Governance.Contracts.Cooperatives;

namespace Governance.Api.Retries;

/// <summary>
/// How a retried create recognises its own earlier write: the stored resource has exactly what the request asked for
/// (names and titles as the rules trim them, a quorum or threshold only where the request set one) and the caller
/// made it. Anything else stays a 409, as it would have been for a first attempt.
/// </summary>
public static class OwnCreates
{
    /// <summary>The caller founded it: they joined as its admin when it was created.</summary>
    public static readonly OwnCreate Cooperative = OwnCreate.For<CreateCooperativeRequest>(request => request.Id, async (request, http) =>
    {
        var cooperative = Grains(http).Cooperative(request.Id!);
        var stored = await cooperative.Get();
        var founder = await cooperative.GetMember(http.User.RequireMemberId());
        var same = stored.Name == request.Name?.Trim()
            && stored.Topics.Order(StringComparer.Ordinal).SequenceEqual((request.Topics ?? []).Distinct().Order(StringComparer.Ordinal))
            && (request.Quorum is null || stored.Quorum == request.Quorum)
            && (request.Threshold is null || stored.Threshold == request.Threshold)
            && founder.Role == MemberRole.Admin && founder.JoinedAt == stored.CreatedAt;
        return same ? TypedResults.Created($"/v1/cooperatives/{stored.Id}", stored) : null;
    });

    /// <summary>A member with the requested name; who added them is not kept, and any admin adding them asked for the same.</summary>
    public static readonly OwnCreate Member = OwnCreate.For<AddMemberRequest>(request => request.Id, async (request, http) =>
    {
        var cooperativeId = CooperativeId(http);
        var stored = await Grains(http).Cooperative(cooperativeId).GetMember(request.Id);
        return stored.Name == request.Name?.Trim() ? TypedResults.Created($"/v1/cooperatives/{cooperativeId}/members/{stored.Id}", stored) : null;
    });

    public static readonly OwnCreate Proposal = OwnCreate.For<CreateProposalRequest>(request => request.Id, async (request, http) =>
    {
        var cooperativeId = CooperativeId(http);
        var stored = (await Grains(http).Proposal(cooperativeId, request.Id!).Get()).ToProposalView();
        var same = stored.Title == request.Title?.Trim() && stored.Body == request.Body && stored.Topic == request.Topic
            && stored.ClosesAt == request.ClosesAt && stored.CreatedBy == http.User.RequireMemberId()
            && (request.Quorum is null || stored.Quorum == request.Quorum)
            && (request.Threshold is null || stored.Threshold == request.Threshold);
        return same ? TypedResults.Created($"/v1/cooperatives/{cooperativeId}/proposals/{stored.Id}", stored) : null;
    });

    private static GrainReferences Grains(HttpContext http) => http.RequestServices.GetRequiredService<GrainReferences>();

    private static string CooperativeId(HttpContext http) => (string)http.GetRouteValue("cooperativeId")!;
}
