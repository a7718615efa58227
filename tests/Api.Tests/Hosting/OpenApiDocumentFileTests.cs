using System.Text.Json.Nodes;
using Governance.Api.OpenApi;
using Governance.TestServices;

namespace Governance.Api.Tests.Hosting;

/// <summary>
/// The repository's openapi.json is what the typed client is generated from, so it must be the document the API
/// serves: a route, field or description changed in the code without regenerating the file fails here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiDocumentFileTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_committed_document_is_the_one_the_api_serves()
    {
        var served = JsonNode.Parse(await (await Api.Get("/swagger/v1/swagger.json")).Content.ReadAsStringAsync());
        var path = RepositoryRoot.Combine(OpenApiCommand.RepositoryFile);
        Assert.True(File.Exists(path), $"{OpenApiCommand.RepositoryFile} is missing; write it with '{OpenApiCommand.Regenerate}'.");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));

        var difference = JsonDifference.First(committed, served);
        Assert.True(
            difference is null,
            $"{OpenApiCommand.RepositoryFile} (expected) differs from the document the API serves (actual), first at {difference}. " +
            $"Run '{OpenApiCommand.Regenerate}' and commit the file.");
    }

    /// <summary>The command writes the served document itself, not a copy made some other way.</summary>
    [Fact]
    public async Task The_openapi_command_writes_the_served_document()
    {
        var served = await (await Api.Get("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();

        Assert.Equal(served, OpenApiCommand.Serialize(Factory.Services));
    }
}
