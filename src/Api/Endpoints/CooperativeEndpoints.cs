using Governance.Api.Requests;
using Governance.Contracts.Cooperatives;
using Governance.Domain.Identifiers;

namespace Governance.Api.Endpoints;

public static class CooperativeEndpoints
{
    public static void MapCooperativeEndpoints(this RouteGroupBuilder v1)
    {
        var cooperatives = v1.MapGroup("/cooperatives").WithTags("Cooperatives");

        cooperatives.MapPost("/", async (CreateCooperativeRequest request, IGrainFactory grains) =>
        {
            var id = request.Id ?? ResourceId.New();
            var created = await grains.GetGrain<ICooperativeGrain>(id)
                .Create(new CreateCooperativeCommand(request.Name, request.Topics, request.Quorum, request.Threshold));
            return TypedResults.Created($"/v1/cooperatives/{created.Id}", created);
        }).ProducesProblem(StatusCodes.Status409Conflict);

        cooperatives.MapGet("/{cooperativeId}", (string cooperativeId, IGrainFactory grains) =>
            grains.GetGrain<ICooperativeGrain>(cooperativeId).Get())
            .ProducesProblem(StatusCodes.Status404NotFound);

        cooperatives.MapPut("/{cooperativeId}/topics/{topic}", (string cooperativeId, string topic, IGrainFactory grains) =>
            grains.GetGrain<ICooperativeGrain>(cooperativeId).AddTopic(topic))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
