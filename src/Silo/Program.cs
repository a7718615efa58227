using Governance.Grains.Hosting;

// A silo without the HTTP tier, for hosts that serve the API elsewhere. Clustering is localhost until a
// cluster membership provider is configured; storage follows the same "Storage" settings as the API.
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseGovernanceLocalhostClustering(builder.Configuration).AddGovernance(builder.Configuration));
await builder.Build().RunAsync();
