global using System.Text.Json;
global using CertGrid.Api.Tests.Infrastructure;
