using System.Globalization;
using System.Security.Claims;
using Governance.Api.Authorization;
using Governance.Api.Grains;
using Governance.Api.Imports;
using Governance.Api.Limits;
using Governance.Api.OpenApi;
using Governance.Api.Security;
using Governance.Contracts.Errors;
using Governance.Contracts.Imports;
using Governance.Domain.Identifiers;
using Governance.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Governance.Api.Endpoints;

public static class MemberImportEndpoints
{
    public static void MapMemberImportEndpoints(this RouteGroupBuilder v1)
    {
        var options = ((IEndpointRouteBuilder)v1).ServiceProvider.GetRequiredService<IOptions<MemberImportOptions>>().Value;
        var cooperative = v1.MapGroup("/cooperatives/{cooperativeId}").WithTags("Members")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cooperative.MapPost("/members/import", async Task<Results<Ok<MemberImportView>, ProblemHttpResult>> (
            string cooperativeId, string? importId, HttpContext context, ClaimsPrincipal user, MemberImporter importer, IOptions<GovernanceLimits> limits) =>
        {
            if (ImportFormats.Of(context.Request.ContentType) is not { } format)
            {
                return UnsupportedMediaType();
            }

            var id = importId ?? ResourceId.New();
            if (!ResourceId.IsValid(id, limits.Value.MaxIdLength))
            {
                throw new GovernanceException(ErrorKind.Invalid, "invalid-id", $"'importId' must be {ResourceId.Rule(limits.Value.MaxIdLength)}.", "importId");
            }

            var outcome = await importer.RunAsync(cooperativeId, id, user.RequireMemberId(), format, context.Request.BodyReader, context.RequestAborted);
            context.Response.Headers.Location = $"/v1/cooperatives/{cooperativeId}/member-imports/{id}";
            return TypedResults.Ok(outcome);
        }).RequireAccess(Access.Admin)
            .WithMetadata(new RequestBodyLimitMetadata(options.MaxBodyBytes))
            .WithMetadata(new StreamedBody(ImportFormats.CsvMediaType, ImportFormats.NdjsonMediaType))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("ImportMembers")
            .WithSummary("Import members from a file")
            .WithDescription(string.Create(
                CultureInfo.InvariantCulture,
                $"Adds the members a CSV (text/csv: a header line id,name or id, then one member per line, RFC 4180 quoting) or NDJSON " +
                $"(application/x-ndjson: one {{\"id\": ..., \"name\": ...}} per line) body names, as a single add would, and answers with the " +
                $"outcome once every line is read: how many were added, were members already (existing) or refused, and the first " +
                $"{MemberImporter.MaxRefusalsListed:N0} refused lines with their numbers and codes. One bad line never stops the others. Sending " +
                $"the same file again adds nobody twice, so an import cut short is completed by sending it again. Lines are committed in " +
                $"batches of {options.BatchSize:N0}; at most {options.MaxLines:N0} lines are read per request, and each line past them is refused " +
                $"(too-many-lines). The optional importId (else one is generated) names the import, whose progress GET member-imports/{{importId}} " +
                $"shows while it runs; a second run of an id still running is a 409. The whole import is one request to the rate limit."));

        cooperative.MapGet("/member-imports/{importId}", (string cooperativeId, string importId, GrainReferences grains) =>
            grains.MemberImport(cooperativeId, importId).Get())
            .RequireAccess(Access.Admin)
            .WithName("GetMemberImport")
            .WithSummary("Read an import's progress")
            .WithDescription("The counts of an import of members while it runs, and its outcome once it ended, for an hour after its last change; a run whose request went away shows failed (interrupted). Changes nothing.");
    }

    private static ProblemHttpResult UnsupportedMediaType() => TypedResults.Problem(
        $"Send the file as {ImportFormats.CsvMediaType} or {ImportFormats.NdjsonMediaType}, in UTF-8.",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported media type",
        extensions: new Dictionary<string, object?> { ["code"] = "unsupported-media-type" });
}
