import requests from './requests';

export const controllers = { requests };
