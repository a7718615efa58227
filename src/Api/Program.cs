using Governance.Api.Endpoints;
using Governance.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGovernanceSilo();
builder.Services.AddGovernanceApi();

var app = builder.Build();
app.UseGovernanceApi();
app.MapGovernanceEndpoints();
app.Run();

/// <summary>The entry point, visible to the API tests' WebApplicationFactory.</summary>
public partial class Program;
