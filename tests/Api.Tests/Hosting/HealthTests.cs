namespace Governance.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probe_answers_healthy_once_the_host_has_started(string path)
    {
        var response = await Api.Get(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var response = await Api.Get("/v1/nothing-here");

        await Expect.Problem(response, HttpStatusCode.NotFound);
    }
}
