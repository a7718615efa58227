using Governance.Api.Grains;
using Governance.Api.Requests;
using Governance.Contracts.Cooperatives;
using Governance.Contracts.Errors;
using Governance.Domain.Identifiers;

namespace Governance.Api.Endpoints;

public static class CooperativeEndpoints
{
    public static void MapCooperativeEndpoints(this RouteGroupBuilder v1)
    {
        var cooperatives = v1.MapGroup("/cooperatives").WithTags("Cooperatives");

        cooperatives.MapPost("/", async (CreateCooperativeRequest request, GrainReferences grains) =>
        {
            var id = request.Id ?? ResourceId.New();

            // Checked here, not only in the grain: Orleans refuses an empty or blank key before the grain could answer.
            if (!ResourceId.IsValid(id))
            {
                throw new GovernanceException(
                    ErrorKind.Invalid, "invalid-id", $"'id' must be 1-{ResourceId.MaxLength} characters of letters, digits, '-', '_' or '.'.", "id");
            }

            var created = await grains.Cooperative(id)
                .Create(new CreateCooperativeCommand(request.Name, request.Topics, request.Quorum, request.Threshold));
            return TypedResults.Created($"/v1/cooperatives/{created.Id}", created);
        }).ProducesProblem(StatusCodes.Status409Conflict);

        cooperatives.MapGet("/{cooperativeId}", (string cooperativeId, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).Get())
            .ProducesProblem(StatusCodes.Status404NotFound);

        cooperatives.MapPut("/{cooperativeId}/topics/{topic}", (string cooperativeId, string topic, GrainReferences grains) =>
            grains.Cooperative(cooperativeId).AddTopic(topic))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
