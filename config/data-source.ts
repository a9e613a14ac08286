import 'reflect-metadata';
import { loadConfig, loadEnvFile } from '@app/core';
import { createDataSource } from './database';

/** The data source of the TypeORM CLI (`npm run migration:generate -- migrations/<Name>`). */
loadEnvFile();
export default createDataSource(loadConfig());
