using System.Text.Json.Nodes;

namespace Governance.Api.Tests.Security;

/// <summary>
/// Outsiders learn nothing, not even whether a cooperative exists: on every route, a cooperative they are not a
/// member of answers exactly as one that does not exist, whether they come with a member's token or with another
/// cooperative's app key.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OutsiderTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<string, string> Routes_and_outsiders
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var row in AuthorizationMatrixTests.Matrix.Where(row => row.Template.Contains("{cooperativeId}", StringComparison.Ordinal)))
            {
                data.Add(row.Key, "member of another cooperative");
                data.Add(row.Key, "app key of another cooperative");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Routes_and_outsiders))]
    public async Task A_cooperative_the_caller_is_not_in_answers_exactly_like_one_that_does_not_exist(string route, string outsider)
    {
        var row = AuthorizationMatrixTests.Matrix.Single(candidate => candidate.Key == route);
        var cooperative = await SecuredCooperative.Create(Api);
        var client = outsider == "member of another cooperative"
            ? Api.As(cooperative.Outsider)
            : Api.WithAppKey(await IssueKey(cooperative.OutsiderCooperative, cooperative.Outsider));

        var real = await Answer(client, row, cooperative.Id, cooperative);
        var missing = await Answer(client, row, Ids.New("nowhere"), cooperative);

        Assert.Equal(missing, real);
        Assert.Contains("\"code\":\"cooperative-not-found\"", real, StringComparison.Ordinal);
    }

    /// <summary>The status, content type and problem of the row's request on this cooperative, all but the trace id.</summary>
    private static async Task<string> Answer(GovernanceClient client, AuthorizationMatrixTests.Row row, string cooperativeId, SecuredCooperative setup)
    {
        var path = row.Template
            .Replace("{cooperativeId}", cooperativeId)
            .Replace("{memberId}", setup.Plain)
            .Replace("{proposalId}", row.Proposal == AuthorizationMatrixTests.Target.Discussion ? setup.Discussion : setup.Open)
            .Replace("{topic}", setup.Topic)
            .Replace("{keyId}", setup.KeyId)
            .Replace("{importId}", "none");
        var body = row.Body?.Replace("{new}", "fresh-id").Replace("{delegate}", setup.Other);
        var response = body is null
            ? await client.Send(new HttpMethod(row.Method), path, null)
            : await client.SendRaw(new HttpMethod(row.Method), path, body, row.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        var headers = string.Join(";", response.Headers.Select(header => header.Key).Order(StringComparer.Ordinal));
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType} [{headers}] {problem.ToJsonString()}";
    }

    private async Task<string> IssueKey(string cooperative, string admin)
    {
        var issued = await Expect.Status(
            await Api.As(admin).Post(Routes.Keys(cooperative), new { name = "Elsewhere", scopes = new List<string> { "read" } }),
            HttpStatusCode.Created);
        return issued.GetProperty("key").GetString()!;
    }
}
