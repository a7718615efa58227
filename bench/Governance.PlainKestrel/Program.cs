// The load test's baseline: the vote route on plain Kestrel, reading the same body and answering the same
// shape, with no grains and no storage. The API's throughput is stated as a share of this one's.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapPut("/v1/cooperatives/{cooperativeId}/proposals/{proposalId}/votes/{memberId}", (string memberId, VoteBody body) =>
    TypedResults.Ok(new BallotBody(memberId, body.Choice, DateTimeOffset.UtcNow)));
app.Run();

internal sealed record VoteBody(string Choice);

internal sealed record BallotBody(string MemberId, string Choice, DateTimeOffset CastAt);
