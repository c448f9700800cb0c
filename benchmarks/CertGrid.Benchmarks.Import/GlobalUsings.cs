global using CertGrid.Benchmarks.Hosting;
global using CertGrid.Domain.Tenancy;
global using Orleans;
global using Orleans.Runtime;
